import { getFormProps } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { IdSchema } from "~/utils/validation";
import { FormErrors, TextField, useCheckedForm } from "~/components/forms";
import { addMemberByEmail, listMembers, removeMember, requireEnterpriseMember } from "~/models/enterprise.server";
import { requireUser } from "~/utils/auth.server";
import { AddMemberSchema } from "~/utils/enterprise-validation";
import { getFixedT } from "~/utils/i18next.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { TableCaption, TableScroll } from "~/components/table-scroll";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { enterprise, role } = await requireEnterpriseMember(user, params.slug);
  const t = await getFixedT(request);
  return {
    title: t("members.title", { name: enterprise.name }),
    enterprise: { slug: enterprise.slug, name: enterprise.name },
    isOwner: role === "owner",
    members: await listMembers(enterprise.id),
  };
}

const RemoveMemberSchema = z.object({ intent: z.literal("remove-member"), userId: IdSchema });
const MembersActionSchema = z.discriminatedUnion("intent", [AddMemberSchema, RemoveMemberSchema]);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { enterprise } = await requireEnterpriseMember(user, params.slug, { ownerOnly: true });
  const submission = parseWithZod(await request.formData(), { schema: MembersActionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const back = `/enterprises/${enterprise.slug}/members`;
  if (submission.value.intent === "add-member") {
    const result = await addMemberByEmail({ enterpriseId: enterprise.id, email: submission.value.email });
    if (result === "no_such_user") return data(submission.reply({ fieldErrors: { email: ["errors.noSuchUser"] } }), { status: 400 });
    if (result === "already_member") return data(submission.reply({ fieldErrors: { email: ["errors.alreadyMember"] } }), { status: 400 });
    return redirectWithNotice(back, "members.notice.added");
  }
  const result = await removeMember({ enterpriseId: enterprise.id, userId: submission.value.userId });
  if (result === "last_owner") return data(submission.reply({ formErrors: ["errors.lastOwner"] }), { status: 400 });
  if (result === "not_member") return data(submission.reply({ formErrors: ["errors.notMember"] }), { status: 400 });
  return redirectWithNotice(back, "members.notice.removed");
}

export default function MembersPage() {
  const { t } = useTranslation();
  const { enterprise, members, isOwner, title } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useCheckedForm({
    id: "add-member",
    lastResult,
    constraint: getZodConstraint(AddMemberSchema),
  });
  return (
    <section>
      <p>
        <Link to={`/enterprises/${enterprise.slug}`}>{t("enterprise.backToProfile")}</Link>
      </p>
      <h1>{title}</h1>
      <TableScroll>
        <table>
          <TableCaption>{t("members.listCaption")}</TableCaption>
          <thead>
            <tr>
              <th scope="col">{t("fields.displayName")}</th>
              <th scope="col">{t("fields.email")}</th>
              <th scope="col">{t("members.role")}</th>
              {isOwner ? <th scope="col">{t("members.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.user.id}>
                <td>{member.user.displayName}</td>
                <td>{member.user.email}</td>
                <td>{t(`members.roles.${member.role}`)}</td>
                {isOwner ? (
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove-member" />
                      <input type="hidden" name="userId" value={member.user.id} />
                      <button type="submit" className="button-secondary">
                        {t("members.remove", { name: member.user.displayName })}
                      </button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {isOwner ? (
        <>
          <h2>{t("members.addTitle")}</h2>
          <Form method="post" {...getFormProps(form)} className="form">
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name="intent" value="add-member" />
            <TextField field={fields.email} label={t("members.addEmail")} hint={t("members.addHint")} type="email" />
            <div className="actions">
              <button type="submit">{t("members.add")}</button>
            </div>
          </Form>
        </>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Ortaq` }];
