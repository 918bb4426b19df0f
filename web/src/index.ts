export { html, raw, escapeHtml, Html } from './html.ts';
export {
  translator,
  pickLanguage,
  LANGUAGES,
  LanguageSchema,
  type Language,
  type Messages,
  type Translate,
} from './i18n.ts';
export {
  page,
  languageOf,
  renderContributions,
  memberActions,
  MEMBER_ACTIONS,
  MEMBER_BADGES,
  presenceBadge,
  SAFETY_ACTIONS,
  PROFILE_SECTIONS,
  PROFILE_GALLERY,
  FRONT_PAGE_SECTIONS,
  type FrontPageSection,
  type PageOptions,
  type MemberAction,
  type ProfileSection,
  NAV_COUNTERS,
  type NavCounter,
  type NavState,
} from './layout.ts';
export { assetPath, assetRoutes, MANIFEST_PATH } from './assets.ts';
export { styleGuideRoutes, STYLE_GUIDE_PATH } from './style-guide.ts';
export { errorPage } from './routes.ts';
export { sendOpsPage, type OpsPage, type OpsSection } from './ops.ts';
export { isLanguage } from './i18n.ts';
export { formatAgo, formatMoment, LOCALES, type MomentStyle } from './moments.ts';
export { placeLabel, readPlaceLabelsWith, type PlaceLabels } from './places.ts';
export {
  field,
  formErrors,
  sendPage,
  hidden,
  form,
  localPath,
  LOCAL_PATH,
  FORM_BODY_SCHEMA,
  type FormBody,
} from './forms.ts';
export { backAfter, backField, feedbackNotice, feedbackOf, hereAt, type FeedbackAction } from './feedback.ts';
export {
  memberCard,
  cardBack,
  cardAnchor,
  cardList,
  emptyState,
  nextStep,
  type NextStep,
  factsLine,
  portraitPath,
  photoPath,
  galleryPath,
  type CardFacts,
} from './cards.ts';
export {
  decisionForms,
  moderatorNav,
  sendReviewQueue,
  reviewQueuePages,
  reviewDecisionApi,
  type ReviewOutcome,
  type ReviewProblem,
  type DecisionWords,
  type ReviewQueuePage,
} from './review.ts';
export {
  cardFacts,
  memberCards,
  sendMemberList,
  itemList,
  isLiveRefresh,
  pager,
  type ListedMember,
  type MemberListPage,
  type ItemListOptions,
  type Pager,
} from './lists.ts';
export {
  PLACEMENTS,
  SPONSORED_ITEMS,
  sponsoredBlock,
  sponsoredSlots,
  withSponsored,
  type Placement,
  type SponsoredItems,
} from './placements.ts';
export {
  REVIEW_WORK,
  MEMBER_HOME,
  HOME_PARTS,
  workWaiting,
  FIRST_STEPS,
  firstSteps,
  type ReviewWork,
  type FirstStep,
  type FirstStepCheck,
  type HomeCard,
  type HomeContribution,
  type HomePart,
  type HomeSectionName,
} from './landing.ts';
