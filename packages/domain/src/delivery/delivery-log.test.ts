import { describe, expect, it } from 'vitest';
import { deliveryState, maskedAddress, pushDeliveryState, pushOutcomes, type DeliveryFacts } from './delivery-log';

describe('deliveryState', () => {
  it.each<[string, DeliveryFacts, string]>([
    ['waiting for its first try', { messageStatus: 'queued', job: { status: 'pending', attempts: 0 } }, 'queued'],
    ['being sent for the first time', { messageStatus: 'queued', job: { status: 'running', attempts: 1 } }, 'queued'],
    ['being sent again', { messageStatus: 'queued', job: { status: 'running', attempts: 2 } }, 'retrying'],
    ['failed once, waiting to try again', { messageStatus: 'queued', job: { status: 'pending', attempts: 1 } }, 'retrying'],
    ['past its limit', { messageStatus: 'queued', job: { status: 'failed', attempts: 8 } }, 'gave-up'],
    ['marked failed', { messageStatus: 'failed', job: null }, 'gave-up'],
    ['sent', { messageStatus: 'sent', job: { status: 'done', attempts: 2 } }, 'sent'],
    ['sent directly (risk pathway)', { messageStatus: 'sent', job: null }, 'sent'],
    ['kept in the development outbox', { messageStatus: 'dev_outbox', job: { status: 'done', attempts: 1 } }, 'kept-for-development'],
  ])('%s: %s', (_, facts, state) => {
    expect(deliveryState(facts)).toBe(state);
  });
});

describe('maskedAddress', () => {
  it.each([
    ['sam.patel@example.org', 's•••@example.org'],
    ['a@b.c', 'a•••@b.c'],
    ['no-at-sign', '•••'],
    ['@example.org', '•••'],
  ])('%s → %s', (address, masked) => {
    expect(maskedAddress(address)).toBe(masked);
  });
});

describe('pushDeliveryState', () => {
  it.each<[string, Parameters<typeof pushDeliveryState>[0], { state: string; reason: string | null }]>([
    ['waiting', { status: 'pending', attempts: 0, outcome: null }, { state: 'queued', reason: null }],
    ['failed once', { status: 'pending', attempts: 1, outcome: null }, { state: 'retrying', reason: null }],
    ['past its limit', { status: 'failed', attempts: 5, outcome: null }, { state: 'gave-up', reason: null }],
    ['sent', { status: 'done', attempts: 1, outcome: pushOutcomes.sent }, { state: 'sent', reason: null }],
    ['turned off meanwhile', { status: 'done', attempts: 1, outcome: pushOutcomes.deviceOff }, { state: 'not-sent', reason: 'device-off' }],
    ['gone', { status: 'done', attempts: 1, outcome: pushOutcomes.deviceGone }, { state: 'not-sent', reason: 'device-gone' }],
  ])('%s', (_, job, expected) => {
    expect(pushDeliveryState(job)).toEqual(expected);
  });
});
