// The "build": writes the program to dist/, the directory the runtime stage copies.
const fs = require("fs");
fs.mkdirSync("dist", { recursive: true });
fs.writeFileSync("dist/server.js", "// built by build.js\n" + fs.readFileSync("src/server.js", "utf8"));
