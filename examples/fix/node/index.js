const words = ["small", "safe", "cache-friendly"];
console.log(JSON.stringify({ app: "node", words: words.map((w) => w.toUpperCase()) }));
