"""Tests of sending: signatures, mail, the send register."""
