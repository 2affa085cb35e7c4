// Placeholder until the API module lands (issue 4): bootstrap only.
export {};
