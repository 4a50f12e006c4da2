/* The archive reader's hand-over to the batch (src/batch/): a record's
 * payload moved to a worker instead of copied. */
#ifndef PITH_INPUT_ARCHIVE_H
#define PITH_INPUT_ARCHIVE_H

#include "pith.h"

/* The record pith_archive_next returned last, or NULL (none yet, or the
 * reader ended or failed). */
const pith_record *archive_current(const pith_archive *a);

/* A copy of that record, as pith_record_copy makes, but with its payload
 * moved into the copy rather than copied: the archive's record must not be
 * read again. NULL when out of memory (nothing moved). Free with
 * pith_record_free. */
pith_record *archive_take_record(pith_archive *a);

/* The bytes a copy (pith_record_copy, archive_take_record) holds: what a
 * batch counts against its memory bound. */
size_t archive_record_bytes(const pith_record *rec);

#endif
