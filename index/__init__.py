"""Loading, chunking, embedding and storing news articles in Chroma."""
