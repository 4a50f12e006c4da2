/* The HTTP message inside a WARC response record: the status line, the
 * headers a page reader needs, and the body with its transfer coding
 * (chunked) and content codings (gzip, deflate, br, zstd, stacked) undone. */
#ifndef PITH_INPUT_HTTP_H
#define PITH_INPUT_HTTP_H

#include <stddef.h>

#define HTTP_MAX_CODINGS 8

typedef struct {
  int status;             /* 0 when the status line is not understood */
  char content_type[128]; /* the media type, lower case, no parameters; "" if none */
  char charset[64];       /* its charset parameter, or "" */
  int chunked;            /* Transfer-Encoding names chunked */
  int ncodings;           /* Content-Encoding, in the order applied */
  char codings[HTTP_MAX_CODINGS][16];
  size_t body; /* where the body starts in the message */
} http_response;

/* Reads the status line and headers of an HTTP response (folded lines
 * joined, duplicate Content-Encoding headers stacked). Returns 0, or -1
 * when msg is not an HTTP response. Linear in the header section. */
int http_parse(const char *msg, size_t len, http_response *h);

typedef enum {
  HTTP_BODY_OK,
  HTTP_BODY_TOO_LARGE, /* more than max bytes once decoded */
  HTTP_BODY_NOMEM,
} http_body_status;

/* The decoded body of h's message body[0..len) into *out (NUL-terminated,
 * *out_len bytes in a buffer of *out_cap from util/pool.h; the caller gives
 * it back with pool_free(*out, *out_cap)). Decoding stops past
 * max bytes (a bomb costs no more than max). Damage is tolerated: what
 * decoded before it is kept and *cut is set (broken chunking, a corrupt or
 * truncated compressed body). A body whose bytes do not match its coding
 * (no gzip magic under "gzip"), or whose coding pith does not know, is
 * kept as it is (the payload sniffer judges it). */
http_body_status http_decode_body(const http_response *h, const char *body, size_t len, size_t max,
                                  char **out, size_t *out_len, size_t *out_cap, int *cut);

#endif
