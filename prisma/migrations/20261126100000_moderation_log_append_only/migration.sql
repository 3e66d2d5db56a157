-- The moderation log is append-only: an action, once written, can be neither changed nor
-- removed. Only the links to a thread, post or person may be cleared when those are deleted.
CREATE FUNCTION "moderation_action_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'the moderation log is append-only: % of an action is not allowed', lower(TG_OP)
    USING ERRCODE = 'insufficient_privilege';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ModerationAction_append_only"
  BEFORE UPDATE OF "id", "moderatorId", "action", "reason", "details", "createdAt" OR DELETE ON "ModerationAction"
  FOR EACH ROW EXECUTE FUNCTION "moderation_action_append_only"();
