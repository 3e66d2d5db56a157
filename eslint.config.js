// @ts-check
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "build/",
      "node_modules/",
      "data/",
      "playwright-report/",
      "test-results/",
      "app/generated/",
      "prisma/generated/",
      "**/*.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      // The classic rules; the React Compiler rules of the recommended set are for React 19.
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      ...jsxA11y.flatConfigs.recommended.rules,
      "@typescript-eslint/no-floating-promises": "error",
      // Handlers of Node's events and Express may be async; no-floating-promises still applies inside them.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false, arguments: false } }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports", disallowTypeAnnotations: false }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      "no-console": ["error", { allow: ["warn", "error", "info"] }],
      eqeqeq: ["error", "smart"],
      // Validation deliberately matches control characters.
      "no-control-regex": "off",
      "no-restricted-syntax": [
        "error",
        {
          // A transaction is one connection, which runs one query at a time: pg queues the others today
          // and refuses them from pg 9 on.
          selector:
            'CallExpression[callee.object.name="Promise"][callee.property.name=/^(all|allSettled|any|race)$/] MemberExpression[object.name="tx"]',
          message: "A transaction (tx) runs one query at a time: await its queries one after another.",
        },
      ],
    },
  },
  {
    // Tests, benchmarks and scripts print what they measure.
    files: ["tests/**", "bench/**", "scripts/**", "prisma/**", "server.ts", "**/*.test.ts", "*.config.ts"],
    rules: { "no-console": "off" },
  },
  {
    // Tests read loosely typed answers (JSON, raw rows); Playwright's fixtures call a function named use.
    files: ["tests/**", "**/*.test.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { ...globals.node } },
  },
);
