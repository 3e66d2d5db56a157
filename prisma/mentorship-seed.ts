// Demo mentors: three approved (one of them, mentor@demo.ortaq.org, fits most plans of the demo enterprises)
// and one offer waiting in the admins' approval queue.
import { assignHandle } from "~/models/user.server";
import type { Tx } from "~/utils/db.server";

const DAY = 86_400_000;

export const DEMO_MENTORS = [
  {
    email: "mentor@demo.ortaq.org",
    displayName: "Gulnara Abdrakhmanova",
    locale: "ru",
    status: "approved",
    bio: "Founded a sewing social enterprise in Almaty that employs women with disabilities, then spent eight years advising incubators in Kazakhstan and Kyrgyzstan on finance, governance and inclusion.",
    dimensions: [
      "social_impact",
      "economic_sustainability",
      "governance_transparency",
      "inclusion",
      "ecosystem_partnership",
      "environment_climate",
    ],
    sectors: ["crafts_textiles", "social_services", "employment_training", "education", "agriculture_food", "health_care"],
    countries: ["KZ", "KG", "UZ", "TJ"],
    languages: ["ru", "kk", "en"],
    capacity: 3,
    availability: "Two evenings a month, online or in Almaty",
  },
  {
    email: "mentor-tj@demo.ortaq.org",
    displayName: "Farrukh Nazarov",
    locale: "tg",
    status: "approved",
    bio: "Finance director of a microfinance organisation in Dushanbe; helps enterprises build budgets, reserves and their first loan applications.",
    dimensions: ["economic_sustainability", "governance_transparency"],
    sectors: ["finance_microcredit", "agriculture_food", "retail_trade"],
    countries: ["TJ", "UZ"],
    languages: ["tg", "ru", "uz"],
    capacity: 2,
    availability: "Saturday mornings",
  },
  {
    email: "mentor-mn@demo.ortaq.org",
    displayName: "Oyunchimeg Batbayar",
    locale: "mn",
    status: "approved",
    bio: "Environmental engineer who led energy-efficiency projects for herders' cooperatives in the Gobi; advises on waste, water and climate risk.",
    dimensions: ["environment_climate", "ecosystem_partnership"],
    sectors: ["environment_recycling", "energy_water", "agriculture_food"],
    countries: ["MN", "KZ"],
    languages: ["mn", "ru", "en"],
    capacity: 2,
    availability: "One call every two weeks",
  },
  {
    email: "mentor-new@demo.ortaq.org",
    displayName: "Aziz Karimov",
    locale: "uz",
    status: "pending",
    bio: "Runs a network of social entrepreneurs in the Fergana Valley and takes part in the drafting of Uzbekistan's social entrepreneurship rules.",
    dimensions: ["ecosystem_partnership", "inclusion"],
    sectors: ["employment_training", "crafts_textiles"],
    countries: ["UZ", "KG", "TJ"],
    languages: ["uz", "ru"],
    capacity: 2,
    availability: "Weekday evenings",
  },
] as const;

export async function seedMentors(tx: Tx, { passwordHash, now }: { passwordHash: string; now: number }) {
  for (const mentor of DEMO_MENTORS) {
    const user = await tx.user.create({
      data: {
        email: mentor.email,
        displayName: mentor.displayName,
        locale: mentor.locale,
        passwordHash,
        createdAt: new Date(now - 90 * DAY),
        emailConfirmedAt: new Date(now - 90 * DAY),
        roles: { create: { role: "entrepreneur" } },
        mentorProfile: {
          create: {
            bio: mentor.bio,
            dimensions: [...mentor.dimensions],
            sectors: [...mentor.sectors],
            countries: [...mentor.countries],
            languages: [...mentor.languages],
            capacity: mentor.capacity,
            availability: mentor.availability,
            status: mentor.status,
            reviewedAt: mentor.status === "approved" ? new Date(now - 60 * DAY) : null,
          },
        },
      },
      select: { id: true },
    });
    await assignHandle(tx, user.id);
  }
}
