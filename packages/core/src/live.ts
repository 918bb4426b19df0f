import { defineService } from './services.ts';
/**
 * Member-addressed notifications ("you have a new alert", "typing…", counter
 * changes) travel through a hub to every open page of that member, on whichever
 * node holds the page. Modules only see this interface; the live module implements
 * it on one node, and a cluster adapter can route between nodes.
 */
export interface LiveNotification {
  /** Increasing per hub; a page that reconnects asks for everything after the last id it saw. */
  id: number;
  memberId: string;
  type: string;
  data: unknown;
  at: string;
  /** Pushed to open pages only and never kept (typing): it has no id of its own to resume from. */
  transient?: boolean;
}

export interface NotificationHub {
  /**
   * Delivers to every open page of the member; kept for a while so a reconnecting page
   * misses nothing. `about` names the other member a notification is about (who
   * flirted, who wrote), so a block between the two can take it back. `transient`
   * notifications ("is typing") go to the pages open now and are never stored.
   */
  notify(
    memberId: string,
    notification: { type: string; data: unknown; about?: string; transient?: boolean },
  ): Promise<void>;
  /** Whether the member has a live channel open right now. */
  isConnected(memberId: string): boolean;
  /** Called when a member's first channel opens (true) or last closes (false). */
  onPresence(listener: (memberId: string, connected: boolean) => void): void;
}

export const NOTIFICATIONS = defineService<NotificationHub>('notifications');
