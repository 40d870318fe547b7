import { describe, expect, it } from 'vitest';
import type { Reason } from '../../../shared/refusal.ts';
import { startI18n } from '../i18n/i18n.ts';
import { problemWords } from './list-problem.ts';

describe("the message list's problems", () => {
  it('are worded in the language shown when drawn, the worker’s refusal too', () => {
    const i18n = startI18n('en');
    const words = (reason: Reason) =>
      'detail' in reason ? reason.detail : i18n.t(reason.refusal, { ns: 'refusal', max: 8 });
    const problem = { kind: 'react-failed', reason: { refusal: 'deleted' } } as const;
    const t = () => i18n.getFixedT(null, 'conversation');
    expect(problemWords(t(), words, problem)).toBe('Could not react: That message was deleted.');
    startI18n('nl');
    expect(problemWords(t(), words, problem)).toBe(
      'Reageren lukte niet: Dat bericht is verwijderd.',
    );
    expect(problemWords(t(), words, { kind: 'not-found' })).not.toMatch(/message/);
    // Anything unexpected keeps its detail as it came.
    expect(
      problemWords(t(), words, { kind: 'copy-failed', reason: { detail: 'NotAllowedError' } }),
    ).toContain('NotAllowedError');
    startI18n('zh-CN');
    expect(problemWords(t(), words, problem)).toContain('那条消息已被删除。');
    startI18n('en');
  });
});
