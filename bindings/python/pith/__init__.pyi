# Type stubs for the pith module (the implementation: __init__.py over the
# C extension _pith).
from os import PathLike
from typing import Any, BinaryIO, Counter, Iterable, Iterator, Literal, Optional, Protocol, Tuple, Union

Page = Union[bytes, bytearray, memoryview, str]

class _BoolScalar(Protocol):
    """A boolean scalar of an array library (numpy.bool_, numpy.array(False),
    what a pandas column holds), written without importing one: the module
    takes an object whose dtype's kind is "b" and whose ndim is 0, for its
    truth (a type checker sees the shape only, not the kind)."""
    @property
    def dtype(self) -> Any: ...
    @property
    def ndim(self) -> int: ...
    def __bool__(self) -> bool: ...

# A flag: True or False, 1 or 0, or a boolean scalar.
Flag = Union[bool, Literal[0, 1], _BoolScalar]
Format = Literal["text", "json", "jsonl", "markdown", "md", "html", "xml"]

__version__: str
FORMATS: Tuple[str, ...]
FIELDS: Tuple[Tuple[str, str], ...]

class InputWarning(UserWarning): ...

class Error(Exception):
    status: int

class EmptyInputError(Error, ValueError): ...
class NotHTMLError(Error, ValueError): ...
class TooLargeError(Error, ValueError): ...
class InvalidArgumentError(Error, ValueError): ...
class OutOfMemoryError(Error, MemoryError): ...
class ArchiveError(Error, OSError): ...
class ArchiveNotFoundError(ArchiveError, FileNotFoundError): ...
class TimeBudgetError(Error, TimeoutError): ...

class _Extract(Protocol):
    """extract and extract_text: a page and options in, the rendered page out."""
    def __call__(
        self,
        html: Page,  # extract_text, parse_text: "text"; given by position
        /,
        url: Optional[str] = None,
        *,
        format: Format = "text",
        title: Flag = True,
        links: Flag = True,
        images: Flag = False,
        tables: Flag = True,
        formatting: Flag = False,
        comments: Flag = False,
        fragment: Flag = False,
        json_markdown: Flag = False,
        json_tree: Flag = False,
        charset: Optional[str] = None,
        language: Optional[str] = None,
        max_size: int = 67108864,
        max_nodes: int = 4000000,
        max_depth: int = 256,
        warc_record_id: Optional[str] = None,
        warc_date: Optional[str] = None,
        source_file: Optional[str] = None,
        max_attributes: int = 1024,
        max_attribute_bytes: int = 1048576,
        max_text_lines: int = 1000000,
        timeout_ms: int = 0,
    ) -> str: ...

class _Parse(Protocol):
    """parse and parse_text: a page and options in, an Article out."""
    def __call__(
        self,
        html: Page,  # extract_text, parse_text: "text"; given by position
        /,
        url: Optional[str] = None,
        *,
        charset: Optional[str] = None,
        language: Optional[str] = None,
        max_size: int = 67108864,
        max_nodes: int = 4000000,
        max_depth: int = 256,
        metadata: Flag = True,
        warc_record_id: Optional[str] = None,
        warc_date: Optional[str] = None,
        source_file: Optional[str] = None,
        max_attributes: int = 1024,
        max_attribute_bytes: int = 1048576,
        max_text_lines: int = 1000000,
        timeout_ms: int = 0,
    ) -> Article: ...

extract: _Extract
extract_text: _Extract
parse: _Parse
parse_text: _Parse

def dump_dom(
    html: Page,
    *,
    charset: Optional[str] = None,
    max_size: int = 67108864,
    max_nodes: int = 4000000,
    max_depth: int = 256,
    max_attributes: int = 1024,
    max_attribute_bytes: int = 1048576,
) -> str: ...

class Article:
    url: Optional[str]
    canonical_url: Optional[str]
    title: Optional[str]
    authors: list[str]
    date_published: Optional[str]
    date_modified: Optional[str]
    site_name: Optional[str]
    section: Optional[str]
    tags: list[str]
    description: Optional[str]
    image: Optional[str]
    language: Optional[str]
    license: Optional[str]
    page_type: Optional[str]
    source: Optional[str]
    editor: Optional[str]
    images: list[dict[str, str]]
    language_confidence: Optional[float]
    source_file: Optional[str]
    warc_record_id: Optional[str]
    warc_date: Optional[str]
    http_status: Optional[int]
    warc_filename: Optional[str]
    warc_offset: Optional[int]
    warc_length: Optional[int]
    payload_digest: Optional[str]
    truncated: Optional[bool]
    text: str
    comments: Optional[str]
    @property
    def markdown(self) -> str: ...
    @property
    def html(self) -> str: ...
    @property
    def blocks(self) -> list[dict[str, Any]]: ...
    @property
    def left_out(self) -> Optional[str]: ...
    @property
    def warning(self) -> Optional[str]: ...
    # flags: the render flags of extract (title, links, images, tables,
    # formatting, comments, fragment, json_markdown, json_tree).
    def render(self, format: Format = "text", **flags: Flag) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __getattr__(self, name: str) -> Any: ...

def extract_many(
    pages: Iterable[Union[Page, Tuple[Page, Optional[str]]]],
    jobs: Optional[int] = None,
    *,
    errors: Literal["raise", "return"] = "raise",
    **options: Any,
) -> Iterator[Union[str, Exception]]: ...
class ArchiveReader(Iterator[Union[Article, Exception]]):
    counts: Counter[str]
    jobs: int
    def __next__(self) -> Union[Article, Exception]: ...
    def close(self) -> None: ...
    def __enter__(self) -> ArchiveReader: ...
    def __exit__(self, *exc: object) -> None: ...

def read_archive(
    source: Union[str, bytes, PathLike[str], BinaryIO],
    *,
    jobs: Optional[int] = None,
    errors: Literal["skip", "raise", "return"] = "skip",
    all_status: Flag = False,
    all_types: Flag = False,
    max_record_bytes: int = 16777216,
    site_dedup: Optional[Flag] = None,
    **options: Any,
) -> ArchiveReader: ...
def trafilatura_extract(
    filecontent: Page, url: Optional[str] = None, **kwargs: Any
) -> Optional[str]: ...
