// `npm run bench`: runs every benchmark and prints its figures.
import { benchDirectory } from "./directory";
import { benchForum } from "./forum";
import { benchHttp } from "./http";
import { largeDataset } from "./large-data";
import { benchLighthouse } from "./lighthouse";
import { benchScoring } from "./scoring";
import { benchSector } from "./sector";

await benchScoring();
try {
  await benchSector();
  await benchDirectory();
  await benchForum();
  // Pages over HTTP against the production build, on the same data (flags as for `npm run bench:http`).
  await benchHttp(process.argv.slice(2), { forumSeeded: true });
  // The public pages in Lighthouse's mobile preset, on the demo data in a database of their own (flags as for `npm run bench:lighthouse`).
  await benchLighthouse(process.argv.slice(2));
} finally {
  const { disconnectPrisma } = await import("../app/utils/db.server");
  await disconnectPrisma();
  await (await largeDataset()).stop();
}
process.exit(0);
