// `npm run bench`: runs every benchmark and prints its figures.
import { benchScoring } from "./scoring";
import { benchSector } from "./sector";

await benchScoring();
await benchSector();
