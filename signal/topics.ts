/**
 * Topic → subscribers, bounded in distinct topics. An emptied topic is deleted at once, so
 * the map holds exactly the topics someone is subscribed to.
 */
export class TopicRegistry<C> {
  readonly #topics = new Map<string, Set<C>>();
  #subscriptions = 0;

  constructor(private readonly maxTopics: number) {}

  /** Subscribes `client`; `full` when the topic is new and the server holds its maximum. */
  add(topic: string, client: C): 'added' | 'already' | 'full' {
    let subscribers = this.#topics.get(topic);
    if (subscribers === undefined) {
      if (this.#topics.size >= this.maxTopics) return 'full';
      subscribers = new Set();
      this.#topics.set(topic, subscribers);
    }
    if (subscribers.has(client)) return 'already';
    subscribers.add(client);
    this.#subscriptions += 1;
    return 'added';
  }

  remove(topic: string, client: C): boolean {
    const subscribers = this.#topics.get(topic);
    if (subscribers === undefined || !subscribers.delete(client)) return false;
    this.#subscriptions -= 1;
    if (subscribers.size === 0) this.#topics.delete(topic);
    return true;
  }

  subscribers(topic: string): ReadonlySet<C> | undefined {
    return this.#topics.get(topic);
  }

  /** Distinct topics held. */
  get size(): number {
    return this.#topics.size;
  }

  /** (topic, client) pairs held. */
  get subscriptions(): number {
    return this.#subscriptions;
  }
}
