// A forum poll wherever it is shown (a thread, a consultation, the poll's own page, a consultation's
// summary) and the poll's fields on the forms that create or change one. Every form posts to the poll's
// route and works without JavaScript; a refused vote comes back on the poll's page with the message.
import { getFormProps, getInputProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import { PollResultsChart } from "~/components/charts/poll-results-chart";
import { ConfirmEmailNotice } from "~/components/confirm-email";
import { CheckboxField, ErrorList, FormErrors, SelectField, TextAreaField, TextField, useCheckedForm } from "~/components/forms";
import { formatDate, formatNumber } from "~/utils/format";
import { isolate } from "~/utils/i18n";
import { MAX_POLL_OPTIONS, MIN_GROUP_VOTERS, MIN_POLL_OPTIONS } from "~/utils/forum-poll";
import { PollActionSchema, POLL_RESULTS_VISIBILITY } from "~/utils/forum-poll-validation";
import { TableCaption, TableScroll } from "~/components/table-scroll";

type Field = ComponentProps<typeof TextField>["field"];

/** A poll as its view model gives it (see getPollView), after the trip to the browser. */
export interface PollViewData {
  threadId: string;
  question: string;
  language: string;
  multipleChoice: boolean;
  resultsBeforeVote: boolean;
  closesAt: string | Date | null;
  closedOn: string | Date | null;
  open: boolean;
  isConsultation: boolean;
  options: { id: string; label: string }[];
  voters: number;
  results: PollResultsData | null;
  viewer: {
    chosen: string[];
    refusal: { reason: "closed" } | { reason: "suspended"; until: string | Date } | { reason: "unconfirmed" } | null;
    mayEdit: boolean;
    mayClose: boolean;
  } | null;
}

export interface PollResultsData {
  voters: number;
  options: { id: string; label: string; votes: number; share: number }[];
  breakdown: { groups: { group: string; voters: number; votes: number[] }[]; withheld: boolean } | null;
}

export type PollFormResult = SubmissionResult<string[]> | null | undefined;

/** The poll's fields: its question, its options one per line, one or several choices, a closing date and who sees the results. */
export function PollFields({
  fields,
  legend,
  hint,
  closingHint,
}: {
  fields: { pollQuestion: Field; pollOptions: Field; pollMultiple: Field; pollClosesOn: Field; pollResults: Field };
  legend: string;
  hint?: string;
  closingHint: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="poll-fields">
      <legend>{legend}</legend>
      {hint ? <p className="field-hint">{hint}</p> : null}
      <TextField field={fields.pollQuestion} label={t("forumPoll.fields.question")} dir="auto" />
      <TextAreaField
        field={fields.pollOptions}
        label={t("forumPoll.fields.options")}
        hint={t("forumPoll.fields.optionsHint", { min: MIN_POLL_OPTIONS, max: MAX_POLL_OPTIONS })}
        rows={5}
        dir="auto"
      />
      <CheckboxField field={fields.pollMultiple} label={t("forumPoll.fields.multiple")} />
      <OptionalDateField field={fields.pollClosesOn} label={t("forumPoll.fields.closesOn")} hint={closingHint} />
      <SelectField
        field={fields.pollResults}
        label={t("forumPoll.fields.results")}
        placeholder={t("forumPoll.fields.resultsChoose")}
        options={POLL_RESULTS_VISIBILITY.map((value) => ({ value, label: t(`forumPoll.fields.resultsOption.${value}`) }))}
      />
    </fieldset>
  );
}

function OptionalDateField({ field, label, hint }: { field: Field; label: string; hint: string }) {
  const props = getInputProps(field as Parameters<typeof getInputProps>[0], { type: "date", ariaAttributes: true });
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <p id={field.descriptionId} className="field-hint">
        {hint}
      </p>
      <input
        {...props}
        key={props.key}
        aria-describedby={[field.descriptionId, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ")}
      />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

const percent = (share: number, language: string) => formatNumber(share, language, { style: "percent", maximumFractionDigits: 0 });

/** What a poll is and where it stands: one or several choices, open until when, or closed since when; how many voted. */
function PollState({ poll }: { poll: PollViewData }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const parts = [
    poll.multipleChoice ? t("forumPoll.state.multiple") : t("forumPoll.state.single"),
    poll.open
      ? poll.closesAt
        ? t("forumPoll.state.openUntil", { date: formatDate(poll.closesAt, language) })
        : t("forumPoll.state.open")
      : poll.closedOn
        ? t("forumPoll.state.closedOn", { date: formatDate(poll.closedOn, language) })
        : t("forumPoll.state.closed"),
    t("forumPoll.voters", { count: poll.voters, formatted: formatNumber(poll.voters, language) }),
  ];
  return <p className="poll-state">{parts.join(" · ")}</p>;
}

/**
 * A thread's or consultation's poll: the vote form (or why the reader cannot vote), the results when
 * the reader may see them, the CSV export, and the links and forms of its author and of moderators.
 * `result` is what the poll's route answered to a refused vote or close.
 */
export function ForumPoll({
  poll,
  redirectTo,
  result,
  headingLevel = 2,
}: {
  poll: PollViewData;
  redirectTo: string;
  result?: PollFormResult;
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useTranslation();
  const Heading = `h${headingLevel}` as "h2" | "h3";
  const headingId = `poll-${poll.threadId}-heading`;
  const chosen = poll.viewer?.chosen ?? [];
  const labelOf = (id: string) => poll.options.find((option) => option.id === id)?.label ?? "";
  return (
    <section className="poll" aria-labelledby={headingId}>
      <Heading id={headingId}>
        {t("forumPoll.heading")}{" "}
        <span className={`badge ${poll.open ? "badge-open" : "badge-closed"}`}>
          {poll.open ? t("forumPoll.badgeOpen") : t("forumPoll.badgeClosed")}
        </span>
      </Heading>
      <PollState poll={poll} />
      {poll.viewer && !poll.viewer.refusal ? (
        <VoteForm poll={poll} redirectTo={redirectTo} result={result} />
      ) : (
        <>
          <p className="poll-question" lang={poll.language} dir="auto">
            {poll.question}
          </p>
          {!poll.open ? null : !poll.viewer ? (
            <p>
              <Link to={`/login?${new URLSearchParams({ redirectTo })}`}>{t("forumPoll.signInToVote")}</Link>
            </p>
          ) : poll.viewer.refusal?.reason === "suspended" ? (
            <p className="notice notice-warning">
              {t("forumPoll.refusal.suspendedUntil", { date: formatDate(poll.viewer.refusal.until, i18n.language) })}
            </p>
          ) : poll.viewer.refusal?.reason === "unconfirmed" ? (
            <ConfirmEmailNotice reason="vote" />
          ) : null}
          {!poll.open ? <p>{t("forumPoll.closedNotice")}</p> : null}
        </>
      )}
      {chosen.length ? (
        <p className="poll-own-vote">
          {t("forumPoll.yourVote", { options: chosen.map((id) => isolate(labelOf(id))).join(t("forumPoll.listSeparator")) })}
        </p>
      ) : null}
      {poll.results ? (
        <PollResultsView
          results={poll.results}
          multipleChoice={poll.multipleChoice}
          language={poll.language}
          headingLevel={headingLevel === 2 ? 3 : 4}
          id={`poll-${poll.threadId}`}
        />
      ) : (
        <p className="field-hint">{t("forumPoll.resultsAfterVote")}</p>
      )}
      {poll.results || poll.viewer?.mayEdit ? (
        <p className="actions poll-links">
          {poll.results ? (
            <a href={`/forum/threads/${poll.threadId}/poll.csv`} download>
              {t("forumPoll.exportCsv")}
            </a>
          ) : null}
          {poll.viewer?.mayEdit ? <Link to={`/forum/threads/${poll.threadId}/poll/edit`}>{t("forumPoll.edit")}</Link> : null}
        </p>
      ) : null}
      {poll.viewer?.mayClose ? <ClosePollForm threadId={poll.threadId} redirectTo={redirectTo} result={result} /> : null}
    </section>
  );
}

function VoteForm({ poll, redirectTo, result }: { poll: PollViewData; redirectTo: string; result?: PollFormResult }) {
  const { t } = useTranslation();
  const chosen = new Set(poll.viewer?.chosen ?? []);
  const [form, fields] = useCheckedForm({
    id: `poll-vote-${poll.threadId}`,
    lastResult: result?.initialValue?.intent === "vote" ? result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PollActionSchema }),
  });
  const choice = fields.choice as unknown as Field;
  const type = poll.multipleChoice ? "checkbox" : "radio";
  const hintId = `${form.id}-hint`;
  return (
    <Form method="post" action={`/forum/threads/${poll.threadId}/poll`} className="form poll-vote" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="vote" />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <fieldset
        aria-describedby={[hintId, choice.errors?.length ? choice.errorId : null].filter(Boolean).join(" ")}
        aria-invalid={choice.errors?.length ? true : undefined}
      >
        <legend className="poll-question" lang={poll.language} dir="auto">
          {poll.question}
        </legend>
        <p id={hintId} className="field-hint">
          {poll.multipleChoice ? t("forumPoll.chooseSeveral") : t("forumPoll.chooseOne")}
        </p>
        <ul className="poll-options">
          {poll.options.map((option) => {
            const id = `${form.id}-${option.id}`;
            return (
              <li key={option.id} className="field-checkbox">
                <input type={type} id={id} name="choice" value={option.id} defaultChecked={chosen.has(option.id)} />
                <label htmlFor={id} lang={poll.language} dir="auto">
                  {option.label}
                </label>
              </li>
            );
          })}
        </ul>
        <ErrorList id={choice.errorId} errors={choice.errors} />
      </fieldset>
      <div className="actions">
        <button type="submit">{chosen.size ? t("forumPoll.changeVote") : t("forumPoll.vote")}</button>
      </div>
    </Form>
  );
}

/** A moderator closes the poll before its date, with the reason the moderation log keeps. */
function ClosePollForm({ threadId, redirectTo, result }: { threadId: string; redirectTo: string; result?: PollFormResult }) {
  const { t } = useTranslation();
  const [form, fields] = useCheckedForm({
    id: `poll-close-${threadId}`,
    lastResult: result?.initialValue?.intent === "close" ? result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PollActionSchema }),
  });
  return (
    <Form method="post" action={`/forum/threads/${threadId}/poll`} className="form moderation-form" {...getFormProps(form)}>
      <fieldset>
        <legend>{t("forumPoll.close.legend")}</legend>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="close" />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField field={fields.reason as unknown as Field} label={t("forumModeration.reason")} />
        <div className="actions">
          <button type="submit">{t("forumPoll.close.submit")}</button>
        </div>
      </fieldset>
    </Form>
  );
}

/**
 * A poll's results: the number of voters, votes and shares per option as a chart and the same figures as
 * a table, and for a consultation the breakdown by role of the groups large enough to show.
 */
export function PollResultsView({
  results,
  multipleChoice,
  language: optionLanguage,
  headingLevel = 3,
  id,
}: {
  results: PollResultsData;
  multipleChoice: boolean;
  /** The language the options are written in. */
  language: string;
  headingLevel?: 3 | 4;
  id: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const Heading = `h${headingLevel}` as "h3" | "h4";
  const labels = results.options.map((option) => option.label);
  const groupName = (group: string) => t(`forumPoll.groups.${group}`);
  const breakdown = results.breakdown;
  return (
    <div className="poll-results">
      <Heading id={`${id}-results`}>{t("forumPoll.results.heading")}</Heading>
      <PollResultsChart
        label={t("forumPoll.results.chartLabel")}
        options={labels}
        series={[{ name: t("forumPoll.results.votes"), values: results.options.map((option) => option.votes) }]}
      />
      <TableScroll>
        <table className="poll-table">
          <TableCaption>
            {t("forumPoll.results.caption", { count: results.voters, formatted: formatNumber(results.voters, language) })}
          </TableCaption>
          <thead>
            <tr>
              <th scope="col">{t("forumPoll.results.option")}</th>
              <th scope="col">{t("forumPoll.results.votes")}</th>
              <th scope="col">{t("forumPoll.results.share")}</th>
            </tr>
          </thead>
          <tbody>
            {results.options.map((option) => (
              <tr key={option.id}>
                <th scope="row" lang={optionLanguage} dir="auto">
                  {option.label}
                </th>
                <td>{formatNumber(option.votes, language)}</td>
                <td>{percent(option.share, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {multipleChoice ? <p className="field-hint">{t("forumPoll.results.multipleNote")}</p> : null}
      {breakdown ? (
        <>
          <Heading id={`${id}-breakdown`}>{t("forumPoll.breakdown.heading")}</Heading>
          {breakdown.groups.length ? (
            <>
              <PollResultsChart
                label={t("forumPoll.breakdown.chartLabel")}
                options={labels}
                series={breakdown.groups.map((group) => ({ name: groupName(group.group), values: group.votes }))}
              />
              <TableScroll>
                <table className="poll-table">
                  <TableCaption>{t("forumPoll.breakdown.caption")}</TableCaption>
                  <thead>
                    <tr>
                      <th scope="col">{t("forumPoll.results.option")}</th>
                      {breakdown.groups.map((group) => (
                        <th scope="col" key={group.group}>
                          {t("forumPoll.breakdown.groupHeader", {
                            group: groupName(group.group),
                            count: group.voters,
                            formatted: formatNumber(group.voters, language),
                          })}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {results.options.map((option, i) => (
                      <tr key={option.id}>
                        <th scope="row" lang={optionLanguage} dir="auto">
                          {option.label}
                        </th>
                        {breakdown.groups.map((group) => (
                          <td key={group.group}>
                            {t("forumPoll.breakdown.cell", {
                              votes: formatNumber(group.votes[i] ?? 0, language),
                              share: percent(group.voters ? (group.votes[i] ?? 0) / group.voters : 0, language),
                            })}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </>
          ) : (
            <p>{t("forumPoll.breakdown.none", { min: MIN_GROUP_VOTERS })}</p>
          )}
          {breakdown.groups.length && breakdown.withheld ? (
            <p className="field-hint">{t("forumPoll.breakdown.withheld", { min: MIN_GROUP_VOTERS })}</p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/** On a consultation's summary: the poll's final results, which the summary cites. */
export function CitedPollResults({ poll }: { poll: PollViewData | null }) {
  const { t, i18n } = useTranslation();
  if (!poll?.results) return null;
  return (
    <div className="poll-cited">
      <p className="poll-question">
        {t("forumPoll.cited", { count: poll.voters, formatted: formatNumber(poll.voters, i18n.language) })}{" "}
        <span lang={poll.language} dir="auto">
          {poll.question}
        </span>
      </p>
      <PollResultsView
        results={poll.results}
        multipleChoice={poll.multipleChoice}
        language={poll.language}
        headingLevel={4}
        id={`poll-${poll.threadId}-cited`}
      />
    </div>
  );
}
