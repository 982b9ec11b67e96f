import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

// Built by `npm run build:liff` into dist/liff, which the bot serves under /liff/.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/liff/",
  plugins: [preact()],
  server: {
    // The shared zod schemas live in ../core; the API and the dev ID tokens come from `npm start`.
    fs: { allow: [fileURLToPath(new URL("..", import.meta.url))] },
    proxy: { "/api": "http://localhost:3000", "/dev": "http://localhost:3000" },
  },
  build: {
    outDir: "../dist/liff",
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Separate chunks so our own code's size is visible (and cached apart from the libraries).
        codeSplitting: {
          groups: [
            { name: "liff-sdk", test: /node_modules[\\/](@line[\\/]liff|@liff)[\\/]/ },
            { name: "liff-mock", test: /node_modules[\\/]@line[\\/]liff-mock[\\/]/ },
            { name: "zod", test: /node_modules[\\/]zod[\\/]/ },
          ],
        },
      },
    },
  },
});
