"""PDF from the rendered DOCX, made by LibreOffice headless."""
