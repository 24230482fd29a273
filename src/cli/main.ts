console.log("refscope");
