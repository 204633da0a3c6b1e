"""Sending a letter for real: the signed PDF, e-mail, the send register."""
