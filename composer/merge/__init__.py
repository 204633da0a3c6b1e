"""Mail merge: one letter per addressee, from the letter itself or a list."""
