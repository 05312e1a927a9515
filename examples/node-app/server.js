console.log("hello from node-app");
