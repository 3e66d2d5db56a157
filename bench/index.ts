// `npm run bench`: runs every benchmark and prints its figures.
import { benchScoring } from "./scoring";

await benchScoring();
