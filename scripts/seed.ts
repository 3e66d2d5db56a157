// `npm run seed`: the demo data into the database DATABASE_URL names, if it is empty
// (`npm start` seeds its embedded database by itself; ORTAQ_SEED=never turns that off).
import { seedIfEmpty } from "../prisma/seed";
import { disconnectPrisma, prisma } from "~/utils/db.server";

if (!process.env.DATABASE_URL) {
  console.error("Set DATABASE_URL to the database to seed (npm start seeds the embedded database by itself).");
  process.exit(2);
}
await seedIfEmpty(prisma, { log: console.log });
await disconnectPrisma();
