/* Compiled kernels for the per-token work of analysis.corpus (issue 17).
 *
 * Each function here gives exactly what the pure-Python function it replaces gives; that
 * function stays in corpus.py as the reference and the fallback, and
 * tests/test_kernels.py holds the two equal (on hostile strings, the seeds and, when
 * ../shared is present, all of SaudiNewsNet). analysis.kernels chooses between them.
 *
 * Character classes are those of Python's `re` on str patterns (\w: Py_UNICODE_ISALNUM
 * or '_'; \s: Py_UNICODE_ISSPACE) and of str.lstrip()/strip(), so the results are the
 * same for every code point, not only for Arabic. The literal character sets are also
 * exported (TOKEN_MARKS, SENTENCE_ENDERS, SENTENCE_CLOSERS, KEY_PREFIXES) so a test can
 * check them against corpus.py's constants.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define C_WORD 1    /* \w */
#define C_MARK 2    /* a one-character token (corpus._MARK_TOKENS) */
#define C_ENDER 4   /* may begin a sentence end (corpus._SENT_END_CHARS) */
#define C_CLOSER 8  /* may follow a sentence end (the closing quotes of _SENT_END_RE) */
#define C_SPACE 16  /* \s */

static const Py_UCS4 TOKEN_MARKS[] = {
    0x00AB, 0x00BB, 0x201C, 0x201D, 0x201E, 0x2018, 0x2019, '"',            /* «»“”„‘’" */
    ':', 0x060C, ',', '.', 0x061B, ';', '!', '?', 0x061F};                  /* :،,.؛;!?؟ */
static const Py_UCS4 SENTENCE_ENDERS[] = {'.', '!', '?', 0x061F, 0x2026};  /* .!?؟… */
static const Py_UCS4 SENTENCE_CLOSERS[] = {'"', '\'', 0x00BB, 0x201D, 0x2019, ')', ']'}; /* "'»”’)] */
static const Py_UCS4 KEY_PREFIXES[] = {0x0648, 0x0641};                     /* و ف */

#define COUNT(a) ((Py_ssize_t)(sizeof(a) / sizeof((a)[0])))

/* Classes of the code points below TABLE_SIZE (Latin and Arabic: nearly every character
 * read), filled once at import; the others are classified on each call. */
#define TABLE_SIZE 0x800
static unsigned char table[TABLE_SIZE];

static int in_set(Py_UCS4 c, const Py_UCS4 *set, Py_ssize_t n) {
    for (Py_ssize_t i = 0; i < n; i++)
        if (set[i] == c)
            return 1;
    return 0;
}

static unsigned char classify(Py_UCS4 c) {
    unsigned char flags = 0;
    if (Py_UNICODE_ISALNUM(c) || c == '_')
        flags |= C_WORD;
    if (in_set(c, TOKEN_MARKS, COUNT(TOKEN_MARKS)))
        flags |= C_MARK;
    if (in_set(c, SENTENCE_ENDERS, COUNT(SENTENCE_ENDERS)))
        flags |= C_ENDER;
    if (in_set(c, SENTENCE_CLOSERS, COUNT(SENTENCE_CLOSERS)))
        flags |= C_CLOSER;
    if (Py_UNICODE_ISSPACE(c))
        flags |= C_SPACE;
    return flags;
}

static inline unsigned char flags_of(Py_UCS4 c) {
    return c < TABLE_SIZE ? table[c] : classify(c);
}

/* A str argument, its kind, data and length. */
typedef struct {
    int kind;
    const void *data;
    Py_ssize_t n;
} text_t;

static int as_text(PyObject *obj, text_t *t) {
    if (!PyUnicode_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "expected str, not %.100s", Py_TYPE(obj)->tp_name);
        return -1;
    }
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(obj) < 0)
        return -1;
#endif
    t->kind = PyUnicode_KIND(obj);
    t->data = PyUnicode_DATA(obj);
    t->n = PyUnicode_GET_LENGTH(obj);
    return 0;
}

#define AT(t, i) PyUnicode_READ((t).kind, (t).data, (i))

static int append_steal(PyObject *list, PyObject *item) {
    if (item == NULL)
        return -1;
    int rc = PyList_Append(list, item);
    Py_DECREF(item);
    return rc;
}

/* ------------------------------------------------------------------ tokens */

PyDoc_STRVAR(split_tokens_doc,
"split_tokens(text) -> (pieces, n_words)\n\n"
"corpus._split_tokens_py: TOKEN_RE's split of text into gaps and tokens, alternating\n"
"(gap, token, gap, ..., gap), and the number of tokens that are words, not marks.");

static PyObject *split_tokens(PyObject *self, PyObject *arg) {
    text_t t;
    if (as_text(arg, &t) < 0)
        return NULL;
    PyObject *pieces = PyList_New(0);
    if (pieces == NULL)
        return NULL;
    Py_ssize_t gap = 0, i = 0, words = 0;
    while (i < t.n) {
        unsigned char f = flags_of(AT(t, i));
        Py_ssize_t end = i + 1;
        if (f & C_WORD) {
            while (end < t.n && (flags_of(AT(t, end)) & C_WORD))
                end++;
            words++;
        } else if (!(f & C_MARK)) {
            i++;
            continue;
        }
        if (append_steal(pieces, PyUnicode_Substring(arg, gap, i)) < 0 ||
            append_steal(pieces, PyUnicode_Substring(arg, i, end)) < 0)
            goto error;
        gap = i = end;
    }
    if (append_steal(pieces, PyUnicode_Substring(arg, gap, t.n)) < 0)
        goto error;
    return Py_BuildValue("(Nn)", pieces, words);
error:
    Py_DECREF(pieces);
    return NULL;
}

/* ------------------------------------------------------------------ lines */

PyDoc_STRVAR(lines_doc,
"lines(text) -> list[tuple[int, int, int]]\n\n"
"corpus._lines_py: (line number, start, end) of every non-blank line, end before trailing\n"
"space; lines end at \\n, \\r\\n or \\r.");

static PyObject *lines(PyObject *self, PyObject *arg) {
    text_t t;
    if (as_text(arg, &t) < 0)
        return NULL;
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    Py_ssize_t pos = 0, lineno = 1;
    while (pos <= t.n) {
        Py_ssize_t brk = pos;
        Py_UCS4 c = 0;
        while (brk < t.n && (c = AT(t, brk)) != '\n' && c != '\r')
            brk++;
        Py_ssize_t start = pos, end = brk;
        while (start < end && (flags_of(AT(t, start)) & C_SPACE))
            start++;
        while (end > start && (flags_of(AT(t, end - 1)) & C_SPACE))
            end--;
        if (start < end && append_steal(out, Py_BuildValue("(nnn)", lineno, start, end)) < 0) {
            Py_DECREF(out);
            return NULL;
        }
        if (brk == t.n)
            break;
        pos = brk + (c == '\r' && brk + 1 < t.n && AT(t, brk + 1) == '\n' ? 2 : 1);
        lineno++;
    }
    return out;
}

/* ------------------------------------------------------------------ sentences */

/* Appends to `out` the ends of the matches of corpus._SENT_END_RE in t[lo:hi] (as if the
 * text ended at hi), as offsets into t; returns -1 on error.
 *
 * The regex, (?:[.!?؟…]+["'»”’)\]]*(?=\s|$)|\.{2,}(?=\S)), needs no backtracking here:
 * enders and closers are disjoint and neither is a space, so the first alternative
 * matches at a position of a run of enders exactly when the character after the run and
 * the closers that follow it is a space or the end, and then ends there. Otherwise it
 * fails at every position of the run, and the second matches wherever two dots begin,
 * ending after the last consecutive dot (the next character is then not a space). */
static int scan_sentence_ends(const text_t *t, Py_ssize_t lo, Py_ssize_t hi,
                              Py_ssize_t **out, Py_ssize_t *count, Py_ssize_t *cap) {
    Py_ssize_t i = lo;
    while (i < hi) {
        if (!(flags_of(AT(*t, i)) & C_ENDER)) {
            i++;
            continue;
        }
        Py_ssize_t run_end = i, after = i;
        while (run_end < hi && (flags_of(AT(*t, run_end)) & C_ENDER))
            run_end++;
        after = run_end;
        while (after < hi && (flags_of(AT(*t, after)) & C_CLOSER))
            after++;
        int first = after == hi || (flags_of(AT(*t, after)) & C_SPACE);
        Py_ssize_t q = i;
        while (q < run_end) {
            Py_ssize_t end;
            if (first) {
                end = after;
            } else if (AT(*t, q) == '.' && q + 1 < run_end && AT(*t, q + 1) == '.') {
                end = q + 2;
                while (end < run_end && AT(*t, end) == '.')
                    end++;
            } else {
                q++;
                continue;
            }
            if (*count == *cap) {
                *cap = *cap ? 2 * *cap : 64;
                Py_ssize_t *grown = PyMem_Realloc(*out, *cap * sizeof(Py_ssize_t));
                if (grown == NULL) {
                    PyErr_NoMemory();
                    return -1;
                }
                *out = grown;
            }
            (*out)[(*count)++] = end;
            q = end;
        }
        i = first ? after : run_end;
    }
    return 0;
}

PyDoc_STRVAR(sentence_ends_doc,
"sentence_ends(text) -> list[int]\n\n"
"corpus._sentence_ends_py: end offsets of the sentence-final punctuation of a text.");

static PyObject *sentence_ends(PyObject *self, PyObject *arg) {
    text_t t;
    if (as_text(arg, &t) < 0)
        return NULL;
    Py_ssize_t *ends = NULL, count = 0, cap = 0;
    PyObject *result = NULL;
    if (scan_sentence_ends(&t, 0, t.n, &ends, &count, &cap) == 0 &&
        (result = PyList_New(count)) != NULL) {
        for (Py_ssize_t k = 0; k < count; k++) {
            PyObject *v = PyLong_FromSsize_t(ends[k]);
            if (v == NULL) {
                Py_CLEAR(result);
                break;
            }
            PyList_SET_ITEM(result, k, v);
        }
    }
    PyMem_Free(ends);
    return result;
}

/* The first offset in t[pos:end] that is not a space, or -1. */
static Py_ssize_t first_non_space(const text_t *t, Py_ssize_t pos, Py_ssize_t end) {
    for (; pos < end; pos++)
        if (!(flags_of(AT(*t, pos)) & C_SPACE))
            return pos;
    return -1;
}

static int append_span(PyObject *spans, Py_ssize_t start, Py_ssize_t end) {
    return append_steal(spans, Py_BuildValue("(nn)", start, end));
}

PyDoc_STRVAR(split_sentences_doc,
"split_sentences(text, start, end, ends=None) -> list[tuple[int, int]]\n\n"
"corpus._split_sentences_py: sentence spans of the paragraph text[start:end]; ends, the\n"
"sentence_ends of the whole text (ascending), if already computed.");

static PyObject *split_sentences(PyObject *self, PyObject *args, PyObject *kwargs) {
    static char *names[] = {"text", "start", "end", "ends", NULL};
    PyObject *text, *ends_obj = Py_None;
    Py_ssize_t start, end;
    text_t t;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "Unn|O:split_sentences", names,
                                     &text, &start, &end, &ends_obj) || as_text(text, &t) < 0)
        return NULL;
    if (start < 0 || end > t.n || start > end)
        return PyErr_Format(PyExc_ValueError, "paragraph (%zd, %zd) is outside the text of length %zd",
                            start, end, t.n);
    Py_ssize_t *ends = NULL, count = 0, cap = 0;
    PyObject *spans = NULL;
    if (ends_obj == Py_None) {
        if (scan_sentence_ends(&t, start, end, &ends, &count, &cap) < 0)
            goto done;
    } else {
        PyObject *seq = PySequence_Fast(ends_obj, "ends must be a sequence of offsets");
        if (seq == NULL)
            goto done;
        /* Only the ends inside the paragraph matter: (start, end], as bisect_right gives. */
        Py_ssize_t n = PySequence_Fast_GET_SIZE(seq), a = 0, b = n;
        PyObject **items = PySequence_Fast_ITEMS(seq);
        while (a < b) {  /* bisect_right(ends, start) */
            Py_ssize_t mid = (a + b) / 2, v = PyLong_AsSsize_t(items[mid]);
            if (v == -1 && PyErr_Occurred()) {
                Py_DECREF(seq);
                goto done;
            }
            if (start < v) b = mid; else a = mid + 1;
        }
        ends = PyMem_Malloc((n - a + 1) * sizeof(Py_ssize_t));
        if (ends == NULL) {
            PyErr_NoMemory();
            Py_DECREF(seq);
            goto done;
        }
        for (Py_ssize_t k = a; k < n; k++) {
            Py_ssize_t v = PyLong_AsSsize_t(items[k]);
            if (v == -1 && PyErr_Occurred()) {
                Py_DECREF(seq);
                goto done;
            }
            if (v > end)
                break;
            ends[count++] = v;
        }
        Py_DECREF(seq);
    }
    if ((spans = PyList_New(0)) == NULL)
        goto done;
    Py_ssize_t pos = start;
    for (Py_ssize_t k = 0; k < count; k++) {
        Py_ssize_t first = first_non_space(&t, pos, ends[k]);
        if (first >= 0 && append_span(spans, first, ends[k]) < 0)
            goto fail;
        pos = ends[k];
    }
    Py_ssize_t first = first_non_space(&t, pos, end);
    if (first >= 0 && append_span(spans, first, end) < 0)
        goto fail;
    goto done;
fail:
    Py_CLEAR(spans);
done:
    PyMem_Free(ends);
    return spans;
}

/* ------------------------------------------------------------------ pull-quote keys */

/* A token without its leading و/ف letters (str.lstrip("وف")); a new reference. */
static PyObject *key_of(PyObject *token) {
    text_t t;
    if (as_text(token, &t) < 0)
        return NULL;
    Py_ssize_t i = 0;
    while (i < t.n && in_set(AT(t, i), KEY_PREFIXES, COUNT(KEY_PREFIXES)))
        i++;
    if (i == 0) {
        Py_INCREF(token);  /* as str.lstrip: the same object when nothing is stripped */
        return token;
    }
    return PyUnicode_Substring(token, i, t.n);
}

PyDoc_STRVAR(shared_keys_doc,
"shared_keys(token_lists) -> (keys, counts)\n\n"
"corpus._shared_keys_py: the keys of each list of tokens (each token without its leading\n"
"و/ف), and for each list how many of its keys are also keys of another list.");

/* Pass 1 of shared_keys: the keys of every list (rows of `keys`), and in `owner`
 * each key's first list, or None once a second list has it. */
static int collect_keys(PyObject *lists, PyObject *keys, PyObject *owner) {
    Py_ssize_t n = PySequence_Fast_GET_SIZE(lists);
    for (Py_ssize_t j = 0; j < n; j++) {
        PyObject *tokens = PySequence_Fast(PySequence_Fast_GET_ITEM(lists, j),
                                           "token_lists must be a sequence of lists of str");
        if (tokens == NULL)
            return -1;
        Py_ssize_t m = PySequence_Fast_GET_SIZE(tokens);
        PyObject *row = PyList_New(m), *index = PyLong_FromSsize_t(j);
        if (row == NULL || index == NULL) {
            Py_XDECREF(row);
            Py_XDECREF(index);
            Py_DECREF(tokens);
            return -1;
        }
        PyList_SET_ITEM(keys, j, row);
        int rc = 0;
        for (Py_ssize_t k = 0; k < m && rc == 0; k++) {
            PyObject *key = key_of(PySequence_Fast_GET_ITEM(tokens, k));
            if (key == NULL) {
                rc = -1;
                break;
            }
            PyList_SET_ITEM(row, k, key);
            PyObject *first = PyDict_GetItemWithError(owner, key);  /* borrowed */
            if (first == NULL)
                rc = PyErr_Occurred() ? -1 : PyDict_SetItem(owner, key, index);
            else if (first != Py_None && first != index)
                rc = PyDict_SetItem(owner, key, Py_None);
        }
        Py_DECREF(index);
        Py_DECREF(tokens);
        if (rc < 0)
            return -1;
    }
    return 0;
}

static PyObject *shared_keys(PyObject *self, PyObject *arg) {
    PyObject *lists = PySequence_Fast(arg, "token_lists must be a sequence of lists of str");
    if (lists == NULL)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(lists);
    PyObject *owner = PyDict_New(), *keys = PyList_New(n), *counts = NULL;
    if (owner == NULL || keys == NULL || collect_keys(lists, keys, owner) < 0 ||
        (counts = PyList_New(n)) == NULL)
        goto done;
    for (Py_ssize_t j = 0; j < n; j++) {
        PyObject *row = PyList_GET_ITEM(keys, j);
        Py_ssize_t shared = 0;
        for (Py_ssize_t k = 0; k < PyList_GET_SIZE(row); k++)
            /* every key is in owner: no lookup can fail */
            shared += PyDict_GetItem(owner, PyList_GET_ITEM(row, k)) == Py_None;
        PyObject *v = PyLong_FromSsize_t(shared);
        if (v == NULL) {
            Py_CLEAR(counts);
            break;
        }
        PyList_SET_ITEM(counts, j, v);
    }
done:
    Py_XDECREF(owner);
    Py_DECREF(lists);
    if (counts == NULL) {
        Py_XDECREF(keys);
        return NULL;
    }
    return Py_BuildValue("(NN)", keys, counts);
}

static PyMethodDef methods[] = {
    {"split_tokens", split_tokens, METH_O, split_tokens_doc},
    {"lines", lines, METH_O, lines_doc},
    {"sentence_ends", sentence_ends, METH_O, sentence_ends_doc},
    {"split_sentences", (PyCFunction)(void (*)(void))split_sentences, METH_VARARGS | METH_KEYWORDS,
     split_sentences_doc},
    {"shared_keys", shared_keys, METH_O, shared_keys_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "analysis._kernels",
    "Compiled kernels for analysis.corpus (see analysis.kernels).", -1, methods,
};

/* A set as a str of its characters, for the test that compares it with corpus.py. */
static int add_chars(PyObject *m, const char *name, const Py_UCS4 *set, Py_ssize_t n) {
    PyObject *s = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, set, n);
    if (s == NULL)
        return -1;
    int rc = PyModule_AddObject(m, name, s);
    if (rc < 0)
        Py_DECREF(s);
    return rc;
}

PyMODINIT_FUNC PyInit__kernels(void) {
    for (Py_UCS4 c = 0; c < TABLE_SIZE; c++)
        table[c] = classify(c);
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    if (add_chars(m, "TOKEN_MARKS", TOKEN_MARKS, COUNT(TOKEN_MARKS)) < 0 ||
        add_chars(m, "SENTENCE_ENDERS", SENTENCE_ENDERS, COUNT(SENTENCE_ENDERS)) < 0 ||
        add_chars(m, "SENTENCE_CLOSERS", SENTENCE_CLOSERS, COUNT(SENTENCE_CLOSERS)) < 0 ||
        add_chars(m, "KEY_PREFIXES", KEY_PREFIXES, COUNT(KEY_PREFIXES)) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
