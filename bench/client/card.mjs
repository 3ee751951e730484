// The answer of the client benchmark: a small card, as the in-process fetch and the local server send it.
export const cardBody = JSON.stringify({
  id: '1234567',
  status: 'CARD_OK',
  pinStatus: 'D',
  segment: 'SEGMENT_A',
  expiration: { year: 2028, month: 1 },
});
