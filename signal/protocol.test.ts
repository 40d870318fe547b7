import { describe, expect, it } from 'vitest';
import { parseFrame, relayFrame } from './protocol.ts';

const limits = { maxTopicLength: 8, maxTopicsPerConnection: 3 };

describe('parseFrame', () => {
  it("parses y-webrtc's four messages", () => {
    expect(parseFrame('{"type":"subscribe","topics":["a","b"]}', limits)).toEqual({
      ok: true,
      message: { type: 'subscribe', topics: ['a', 'b'] },
    });
    expect(parseFrame('{"type":"unsubscribe","topics":[]}', limits)).toEqual({
      ok: true,
      message: { type: 'unsubscribe', topics: [] },
    });
    expect(parseFrame('{"type":"publish","topic":"a","data":{"x":[1]}}', limits)).toEqual({
      ok: true,
      message: { type: 'publish', topic: 'a' },
    });
    expect(parseFrame('{"type":"ping"}', limits)).toEqual({ ok: true, message: { type: 'ping' } });
  });

  it.each([
    ['', 'not-json'],
    ['{"type":', 'not-json'],
    ['42', 'not-object'],
    ['[{"type":"ping"}]', 'not-object'],
    ['{}', 'bad-type'],
    ['{"type":null}', 'bad-type'],
    ['{"type":"pong"}', 'unknown-type'],
    ['{"type":"subscribe","topics":{"0":"a"}}', 'topics-not-array'],
    ['{"type":"subscribe","topics":["a","b","c","d"]}', 'too-many-topics-in-frame'],
    ['{"type":"subscribe","topics":[null]}', 'topic-not-string'],
    ['{"type":"subscribe","topics":[""]}', 'topic-empty'],
    ['{"type":"subscribe","topics":["123456789"]}', 'topic-too-long'],
    ['{"type":"publish","topic":""}', 'topic-empty'],
    ['{"type":"publish","topic":1}', 'topic-not-string'],
  ])('rejects %s as %s', (text, reason) => {
    expect(parseFrame(text, limits)).toEqual({ ok: false, reason });
  });
});

describe('relayFrame', () => {
  it('appends clients to the sender text, overriding any clients it carried', () => {
    const text = '{"type":"publish","topic":"a","clients":999,"data":"}"}\n';
    const relayed = relayFrame(text, 3);
    expect(relayed).toBe('{"type":"publish","topic":"a","clients":999,"data":"}","clients":3}');
    expect(JSON.parse(relayed)).toEqual({ type: 'publish', topic: 'a', clients: 3, data: '}' });
  });
});
