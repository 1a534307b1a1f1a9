import type { AlertsConfig } from '../../platform/config.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Repository } from '../kit/repository.ts';
import type { DeliveryDoc, EventDoc, SubscriptionDoc, WatchDoc } from './models.ts';
import type { DestinationMode } from './destination.ts';

export interface AlertRepositories {
  subscriptions: Repository<SubscriptionDoc>;
  events: Repository<EventDoc>;
  deliveries: Repository<DeliveryDoc>;
  watches: Repository<WatchDoc>;
}

/** What raising and delivering events use, made once when the subgraph starts. */
export interface AlertServices {
  repos: AlertRepositories;
  settings: AlertsConfig;
  mode: DestinationMode;
  country: string;
  logger: Logger;
  /** The hub's clock: the day an event is noticed on. */
  today(): Date;
  /** Wall-clock time: when deliveries are due (a fixed "today" must not stop retries). */
  now(): Date;
}
