import { conversationIdOf, MAX_MESSAGE_LENGTH, type ChatAudience } from './events.ts';
import { braked, type Braked, type Brakes, type Pace } from './limits.ts';

/** How many messages a conversation page shows at first, and each older page. */
export const MESSAGES_PER_PAGE = 75;
/** Conversations per page of the list. */
export const CONVERSATIONS_PER_PAGE = { default: 30, max: 100 };
/** A sender's pages send "is typing" at most this often, and a page hides it after the longer wait. */
export const TYPING = { everyMs: 3000, hideAfterMs: 5000 };
/**
 * The feature flag over "is typing" (on unless an operator turns it down or off): a member
 * without it neither sends it nor sees it.
 */
export const TYPING_FLAG = 'chat.typing';

export { conversationIdOf };

/** How a person counts characters: an emoji is one, not two UTF-16 units. */
export const characters = (text: string): number => [...text].length;

/**
 * A message as it will be kept: Windows line ends made plain and blank space around it
 * dropped (a person never means to send that); the lines inside stay as typed.
 */
export const keptBody = (text: string): string => text.replace(/\r\n?/g, '\n').trim();

/** A member's preview of a message in the list: the first line, cut to a phone's width. */
export function preview(body: string, max = 80): string {
  const line = body.split('\n', 1)[0] ?? '';
  const chars = [...line];
  return chars.length > max
    ? `${chars.slice(0, max - 1).join('')}…`
    : line + (body.includes('\n') ? ' …' : '');
}

/** What deciding whether a member may write to another needs: the other as the writer sees them. */
export interface PartnerState {
  senderId: string;
  recipientId: string;
  /** The recipient's nickname when they are an approved member, else undefined. */
  recipient: string | undefined;
  /** The recipient blocked the sender, or is suspended: to the sender they are not there. */
  hiddenFromSender: boolean;
  /** The sender blocked the recipient. */
  senderBlocked: boolean;
}

/** Why a member may not write to (nor read, nor tell they are typing to) another. */
export type PartnerRefusal = 'self' | 'not-found' | 'blocked';

/**
 * Whom one may write to: never oneself; not someone who is not there, or hidden by their
 * block or a suspension, and the two sound alike; not past one's own block. In this order,
 * so a hidden member is never told apart from one who does not exist.
 */
export function partnerRefusal(state: PartnerState): PartnerRefusal | null {
  if (state.senderId === state.recipientId) return 'self';
  if (state.recipient === undefined || state.hiddenFromSender) return 'not-found';
  if (state.senderBlocked) return 'blocked';
  return null;
}

/** What deciding a message needs, read by the send command. */
export interface SendState extends PartnerState {
  /** The message as typed. */
  text: string;
  /** No message has passed between the two yet: this one would start their conversation. */
  startsConversation: boolean;
  /** The recipient's choice of who may start a conversation, when it keeps the sender out. */
  keptOutBy: Exclude<ChatAudience, 'everyone'> | null;
  /** What the sender did lately, and how far the brakes let them go. */
  pace: Pace;
  brakes: Brakes;
}

/**
 * Why a message is not sent; the command maps each to its HTTP answer at the edge. The
 * recipient's choice keeps a stranger out as `outside-preferences` or `not-a-contact`.
 */
export type SendRefusal =
  'empty' | 'too-long' | PartnerRefusal | 'outside-preferences' | 'not-a-contact' | Braked;

/** A message the rules let through, to be numbered and stored. */
export interface NewMessage {
  conversationId: string;
  senderId: string;
  recipientId: string;
  body: string;
}

export type SendDecision =
  { message: NewMessage; refused?: undefined } | { refused: SendRefusal; message?: undefined };

/**
 * The send rule, decided from facts alone: something to say, and not too much; a partner
 * one may write to (partnerRefusal); a first message only where the recipient's choice
 * lets the sender in (an ongoing conversation goes on whatever either chooses later);
 * then the brakes. The checks run in this order.
 */
export function decideSend(state: SendState): SendDecision {
  const body = keptBody(state.text);
  if (body === '') return { refused: 'empty' };
  if (characters(body) > MAX_MESSAGE_LENGTH) return { refused: 'too-long' };
  const partner = partnerRefusal(state);
  if (partner) return { refused: partner };
  if (state.startsConversation && state.keptOutBy) {
    return { refused: state.keptOutBy === 'preferences' ? 'outside-preferences' : 'not-a-contact' };
  }
  const brake = braked(state.pace, state.brakes, state.startsConversation);
  if (brake) return { refused: brake };
  const { senderId, recipientId } = state;
  return {
    message: { conversationId: conversationIdOf(senderId, recipientId), senderId, recipientId, body },
  };
}
