-- Every committed change to data a public page shows sends a NOTIFY on "ortaq_data_changed" (the
-- table's name as payload), so each server process drops the pages it keeps for anonymous readers.
-- Tables no public page shows (sessions, login failures, notifications, e-mail, shortlists, ...)
-- send none, nor do the published count and the sector data version, which only follow changes
-- to tables that send one; the list is kept in app/utils/data-changes.server.ts and a test checks
-- every table is on one side or the other. A NOTIFY is delivered when its transaction commits, once per
-- transaction and table; a statement that changes no row sends none (the triggers are per row,
-- with one per statement for TRUNCATE).

CREATE FUNCTION ortaq_notify_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('ortaq_data_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'User', 'UserRole', 'Enterprise', 'EnterpriseMember', 'Contribution', 'RatingFact', 'Verification', 'EvidenceItem', 'VerificationMessage',
    'VerificationEvent', 'ForumCategory', 'ForumThread', 'ForumPost', 'ForumPostRevision', 'ForumReaction',
    'ModerationAction', 'UserSuspension', 'ForumConsultation', 'ForumPoll', 'ForumPollOption', 'ForumPollBallot',
    'ForumPollChoice', 'LearningResource', 'LearningResourceVersion', 'LearningAttachment', 'MentorProfile',
    'Mentorship', 'MentorshipGoal', 'MentorshipSession', 'RegisterImport', 'RegisterEntry', 'RegisterListing',
    'Cohort', 'CohortMember'
  ] LOOP
    EXECUTE format(
      'CREATE TRIGGER ortaq_data_changed AFTER INSERT OR UPDATE OR DELETE ON %I '
      'FOR EACH ROW EXECUTE FUNCTION ortaq_notify_data_changed()',
      t
    );
    EXECUTE format(
      'CREATE TRIGGER ortaq_data_changed_truncate AFTER TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION ortaq_notify_data_changed()',
      t
    );
  END LOOP;
END;
$$;

-- Assessments: a draft being answered (saved every few seconds) is on no public page; a submitted
-- one is (its result, its publication), and so is a draft becoming submitted.
CREATE TRIGGER ortaq_data_changed_insert AFTER INSERT ON "Assessment"
  FOR EACH ROW WHEN (NEW.status <> 'draft') EXECUTE FUNCTION ortaq_notify_data_changed();
CREATE TRIGGER ortaq_data_changed_update AFTER UPDATE ON "Assessment"
  FOR EACH ROW WHEN (OLD.status <> 'draft' OR NEW.status <> 'draft') EXECUTE FUNCTION ortaq_notify_data_changed();
CREATE TRIGGER ortaq_data_changed AFTER DELETE ON "Assessment"
  FOR EACH ROW EXECUTE FUNCTION ortaq_notify_data_changed();
CREATE TRIGGER ortaq_data_changed_truncate AFTER TRUNCATE ON "Assessment"
  FOR EACH STATEMENT EXECUTE FUNCTION ortaq_notify_data_changed();

-- Stored sector figures: a page shows new figures only when stored figures are replaced by
-- different ones (the refresh after a change served while refreshing). Storing a selection for
-- the first time, noting when it was read, or forgetting it changes no page: the figures shown
-- were computed from the same data.
CREATE TRIGGER ortaq_data_changed AFTER UPDATE ON "SectorSummary"
  FOR EACH ROW WHEN (OLD.summary IS DISTINCT FROM NEW.summary) EXECUTE FUNCTION ortaq_notify_data_changed();
