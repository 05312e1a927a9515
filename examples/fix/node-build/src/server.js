const parts = ["multi", "stage"];
console.log(JSON.stringify({ app: "node-build", built: __filename.endsWith("dist/server.js"), words: parts.join("-") }));
