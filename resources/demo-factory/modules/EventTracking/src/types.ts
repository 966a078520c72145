/** A Event record as EventTracking stores it. */
export interface TrackedEvent {
  id: number;
  name: string;
  source: string;
  count: number;
  recordedAt: Date;
}

/** What EventTracking reports about a batch of Event records. */
export interface TrackedEventSummary {
  count: number;
  labels: string[];
  generatedAt: string;
}

/** Entity under which EventTracking stores its records. */
export const EVENT_TRACKING_ENTITY = 'EventTracking.Event';
