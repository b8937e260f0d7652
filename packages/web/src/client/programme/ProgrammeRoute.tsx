import type { Me } from '@tandem/domain';
import { ExercisePage } from './ExercisePage';
import { ModulePage } from './ModulePage';
import type { ProgrammeAddress } from './paths';
import { ProgrammePage } from './ProgrammePage';
import { StepPage } from './StepPage';

/** The programme's pages by address (paths.ts). */
export function ProgrammeRoute({ me, address, onSessionEnded }: { me: Me; address: ProgrammeAddress; onSessionEnded(): void }) {
  switch (address.page) {
    case 'programme':
      return <ProgrammePage me={me} />;
    case 'module':
      return <ModulePage key={address.moduleId} me={me} moduleId={address.moduleId} />;
    case 'step':
      return <StepPage key={`${address.moduleId}/${address.stepId}`} me={me} moduleId={address.moduleId} stepId={address.stepId} />;
    case 'exercise':
    case 'entry':
      return <ExercisePage key={address.page === 'entry' ? address.entryId : `${address.moduleId}/${address.stepId}`} me={me} address={address} onSessionEnded={onSessionEnded} />;
  }
}
