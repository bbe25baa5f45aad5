/** Who hears of what: inbox notifications written with the change they report, and their mail. */
export { notifyMove, notifyAssignment, notifyMentions, notifyCorrection, alertEditors, alertPhotoRights, type StoryFacts } from "./notify";
export { listNotifications, markRead, markStoryRead, unreadCount } from "./inbox";
export { deliverOutbox, startOutbox, failingMail, MAX_ATTEMPTS, FAILING_AFTER } from "./outbox";
