import * as Comlink from 'comlink';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError } from '../../../shared/content/writer.ts';
import {
  ContentChangeError,
  MembershipError,
  NotAMemberError,
} from '../../../shared/group/engine.ts';
import { reasonFrom } from '../../../shared/refusal.ts';
import { carryRefusals } from './refusal-transfer.ts';

const original = Comlink.transferHandlers.get('throw');

/** A worker's API over a real message channel, as the page reaches it. */
function connect<T extends object>(api: T): { remote: Comlink.Remote<T>; close: () => void } {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(api, port1);
  const remote = Comlink.wrap<T>(port2);
  return {
    remote,
    close: () => {
      port1.close();
      port2.close();
    },
  };
}

const api = {
  edit(): void {
    throw new ContentChangeError(new ContentError('deleted', 'That message was deleted.'));
  },
  send(): void {
    throw new NotAMemberError();
  },
  rename(): void {
    throw new MembershipError('admin-only-rename', 'Only an admin can rename the group.');
  },
  crash(): void {
    throw new Error('the disk is full');
  },
  forged(): void {
    throw Object.assign(new Error('odd'), { refusal: 'format-the-disk' });
  },
  thrownString(): void {
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw 'not an error';
  },
};

describe('errors thrown by the sync worker', () => {
  carryRefusals();
  const { remote, close } = connect(api);
  afterAll(() => {
    close();
    if (original) Comlink.transferHandlers.set('throw', original);
  });

  const caught = async (call: () => Promise<unknown>) => {
    try {
      await call();
    } catch (error) {
      return error;
    }
    throw new Error('the call did not fail');
  };

  it('reach the page with their refusal, to be worded there', async () => {
    const edit = await caught(() => remote.edit());
    expect(edit).toBeInstanceOf(Error);
    expect((edit as Error).message).toBe('That message was deleted.');
    expect(reasonFrom(edit)).toEqual({ refusal: 'deleted' });
    expect(reasonFrom(await caught(() => remote.send()))).toEqual({ refusal: 'not-a-member' });
    expect(reasonFrom(await caught(() => remote.rename()))).toEqual({
      refusal: 'admin-only-rename',
    });
  });

  it('keep an unexpected failure as its detail, and no code the app does not know', async () => {
    expect(reasonFrom(await caught(() => remote.crash()))).toEqual({ detail: 'the disk is full' });
    const forged = await caught(() => remote.forged());
    expect((forged as { refusal?: unknown }).refusal).toBeUndefined();
    expect(reasonFrom(forged)).toEqual({ detail: 'odd' });
    expect(reasonFrom(await caught(() => remote.thrownString()))).toEqual({
      detail: 'not an error',
    });
  });

  it('an error the page receives with a code it does not know is only its detail', () => {
    // As a damaged or hostile worker might send it: the page checks the code itself too.
    const received = Object.assign(new Error('x'), { refusal: 'format-the-disk' });
    expect(reasonFrom(received)).toEqual({ detail: 'x' });
    expect(reasonFrom(Object.assign(new Error('y'), { refusal: 'deleted' }))).toEqual({
      refusal: 'deleted',
    });
  });
});
