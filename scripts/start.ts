import { runApp } from "./app";

runApp({ dev: process.argv.includes("--dev") }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
