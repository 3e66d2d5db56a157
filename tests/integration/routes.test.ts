// Needs no database.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

test("no page is nested under a route that has no Outlet to render it", () => {
  const dir = path.join(process.cwd(), "app/routes");
  const routes = readdirSync(dir)
    .filter((f) => /\.tsx?$/.test(f) && !f.includes(".test."))
    .map((f) => ({ file: f, segments: f.replace(/\.tsx?$/, "").split(".") }));
  const problems: string[] = [];
  for (const child of routes) {
    for (const parent of routes) {
      if (parent === child || parent.segments.length >= child.segments.length) continue;
      const nested = parent.segments.every((segment, i) => segment === child.segments[i]) && parent.segments[0] !== "_index";
      if (!nested) continue;
      const source = readFileSync(path.join(dir, parent.file), "utf8");
      if (/export default/.test(source) && !/<Outlet/.test(source))
        problems.push(`${child.file} would render inside ${parent.file}, which has no <Outlet />`);
    }
  }
  expect(problems).toEqual([]);
});
