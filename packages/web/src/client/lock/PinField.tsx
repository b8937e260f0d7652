import { TextField } from '../../shared/FormFields';

/**
 * A field for an app PIN: hidden as it is typed (a shared phone), the number keypad on a phone,
 * never offered to the browser's password store.
 */
export function PinField(props: { id: string; label: string; hint?: string; value: string; onChange(value: string): void; error?: string }) {
  return <TextField {...props} type="password" inputMode="numeric" autoComplete="off" width="short" />;
}
