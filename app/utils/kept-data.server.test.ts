// Needs no database.
import { expect, test } from "vitest";
import { KeptData } from "./kept-data.server";

/** Kept results on a clock the test moves, heard changes switched on, and a query that counts its reads. */
function setUp({ maxEntries = 500, listening = true } = {}) {
  let now = 0;
  const kept = new KeptData(maxEntries, () => now);
  kept.maxAgeMs = 60_000;
  kept.setListening(listening);
  const reads: string[] = [];
  const query = (name: string) => () => {
    reads.push(name);
    return Promise.resolve({ rows: [name] });
  };
  return { kept, reads, query, wait: (ms: number) => (now += ms) };
}

test("a result is read once and shared by the next readers, each query and arguments on its own", async () => {
  const { kept, reads, query } = setUp();
  expect(await kept.read("directory.count", { country: "KZ" }, query("KZ"))).toEqual({ rows: ["KZ"] });
  expect(await kept.read("directory.count", { country: "KZ" }, query("KZ"))).toEqual({ rows: ["KZ"] });
  expect(await kept.read("directory.count", { country: "KG" }, query("KG"))).toEqual({ rows: ["KG"] });
  expect(await kept.read("directory.page", { country: "KZ" }, query("page KZ"))).toEqual({ rows: ["page KZ"] });
  expect(reads).toEqual(["KZ", "KG", "page KZ"]);
});

test("readers asking at the same moment share one query", async () => {
  const { kept, reads, query } = setUp();
  const answers = await Promise.all(Array.from({ length: 5 }, () => kept.read("forum.search", { q: "solar" }, query("solar"))));
  expect(answers.every((answer) => answer.rows[0] === "solar")).toBe(true);
  expect(reads).toEqual(["solar"]);
});

test("a change to the data drops every kept result, and so does a moment when changes cannot be heard", async () => {
  const { kept, reads, query } = setUp();
  await kept.read("forum.categories", [], query("first"));
  kept.invalidate();
  expect(await kept.read("forum.categories", [], query("after the change"))).toEqual({ rows: ["after the change"] });
  kept.setListening(false);
  kept.setListening(true);
  expect(await kept.read("forum.categories", [], query("after listening again"))).toEqual({ rows: ["after listening again"] });
  expect(reads).toEqual(["first", "after the change", "after listening again"]);
});

test("a query still running when the data changes serves its readers, but not the readers after the change", async () => {
  const { kept, reads } = setUp();
  let finish: (value: string) => void = () => undefined;
  const slow = kept.read("directory.count", {}, () => {
    reads.push("before");
    return new Promise<string>((resolve) => (finish = resolve));
  });
  kept.invalidate();
  const fresh = kept.read("directory.count", {}, () => {
    reads.push("after");
    return Promise.resolve("new figures");
  });
  finish("old figures");
  expect(await slow).toBe("old figures");
  expect(await fresh).toBe("new figures");
  expect(await kept.read("directory.count", {}, () => Promise.resolve("never read"))).toBe("new figures");
  expect(reads).toEqual(["before", "after"]);
});

test("nothing is kept while changes are not heard, nor past its age", async () => {
  const unheard = setUp({ listening: false });
  await unheard.kept.read("directory.count", {}, unheard.query("one"));
  await unheard.kept.read("directory.count", {}, unheard.query("two"));
  expect(unheard.reads).toEqual(["one", "two"]);
  expect(unheard.kept.size).toBe(0);

  const { kept, reads, query, wait } = setUp();
  await kept.read("directory.count", {}, query("one"));
  wait(59_000);
  await kept.read("directory.count", {}, query("not read"));
  wait(1_000);
  await kept.read("directory.count", {}, query("two"));
  expect(reads).toEqual(["one", "two"]);
});

test("a failed query is not kept: the next reader reads again", async () => {
  const { kept } = setUp();
  await expect(kept.read("forum.search", { q: "x" }, () => Promise.reject(new Error("database away")))).rejects.toThrow("database away");
  expect(await kept.read("forum.search", { q: "x" }, () => Promise.resolve("found"))).toBe("found");
});

test("at most the set number of results is kept, the least recently used dropped first", async () => {
  const { kept, reads, query } = setUp({ maxEntries: 2 });
  await kept.read("q", 1, query("1"));
  await kept.read("q", 2, query("2"));
  await kept.read("q", 1, query("1 again"));
  await kept.read("q", 3, query("3"));
  expect(kept.size).toBe(2);
  await kept.read("q", 1, query("1 once more"));
  await kept.read("q", 2, query("2 again"));
  expect(reads).toEqual(["1", "2", "3", "2 again"]);
});
