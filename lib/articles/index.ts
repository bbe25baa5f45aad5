/** The article surface: every read and change of newsroom articles goes through one of these. */
export { createDraft } from "./create-draft";
export { saveDraft } from "./save-draft";
export { transition } from "./transition";
export { publishDueArticles, startScheduler } from "./publish-due";
export { addComment, listComments } from "./comments";
export { listRevisions, listEvents, restoreRevision, REVISIONS_PAGE_SIZE, type RevisionPage } from "./history";
export { getArticle, type EditorArticle } from "./get-article";
export { listArticles, dashboardSummary, boxList, filterOptions, BOXES, BOX_TITLES, type ArticleRow, type BoxName } from "./list-articles";
export { heartbeat, leave } from "./presence";
export { uploadImage, MAX_UPLOAD_BYTES } from "./upload-image";
export { addCorrection, listCorrections } from "./add-correction";
export { createPreviewLink, listPreviewLinks, revokePreviewLink, revokePreviewLinks, previewByToken, staffPreview } from "./previews";
export { getFrontPagePlan, arrangeFrontPage, FRONT_PAGE_SLOTS, type FrontPagePlan, type FrontPageStory } from "./front-page";
export { storyBudget, storyCalendar, missedSchedules, planningPeople, isOverdue, type Budget, type Calendar } from "./budget";
