import { test } from "./fixtures";
import { newcomerJourney } from "./language-journey";

test("a newcomer chooses Kazakh, signs up, creates an enterprise, takes the whole self-assessment and reads the results, all in Kazakh", async ({
  page,
}, testInfo) => {
  await newcomerJourney(page, testInfo, "kk", {
    displayName: "Мадина",
    enterpriseName: `Дала наны ${Date.now()}`,
    city: "Талғар",
    mission: "Шағын фермерлердің сау тағамы қала отбасыларына.",
    description: "Алматыда қырық шағын шаруашылықтан өнім сатып алып сататын кооператив дүкен.",
  });
});
