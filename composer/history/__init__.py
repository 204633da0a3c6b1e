"""Version history: differences between versions, redlines, hash-chain checks."""
