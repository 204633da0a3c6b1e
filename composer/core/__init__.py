"""The pure domain: letters, people, addresses, blocks, catalogues. No Qt here."""
