# Apply the codebook exported by `python -m analysis codebook --quanteda FILE` with quanteda.
#
#   source("apply_quanteda.R")
#   counts <- frame_counts(c(doc1 = "...", doc2 = "..."), "frames_quanteda.yml")
#
# Returns a data frame: one row per document, one column per frame (marker counts).
# Needs quanteda (>= 3.0), stringi and yaml. The steps are those of the dictionary's header:
# normalise as the Python matcher does, split into sentences, tokenise without punctuation,
# look up the regex values (sequences included), and count a conditional pattern only in a
# sentence that meets its context and exclusion lists.

library(quanteda)
library(stringi)

# The Python matcher's normalisation (analysis.normalize): NFKC; no diacritics, tatweel or
# bidi / zero-width controls; one alef; alef maksura as yeh; teh marbuta as heh.
normalise_arabic <- function(x) {
  x <- stri_trans_nfkc(x)
  x <- stri_replace_all_regex(
    x, "[\\u064B-\\u065F\\u0670\\u0640\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]", "")
  x <- stri_replace_all_regex(x, "[\\u0623\\u0625\\u0622\\u0671]", "\u0627")
  x <- stri_replace_all_fixed(x, "\u0649", "\u064A")
  stri_replace_all_fixed(x, "\u0629", "\u0647")
}

frame_counts <- function(texts, dictionary_file, conditions_key = "sentence_conditions",
                         always_key = "always") {
  spec <- yaml::read_yaml(dictionary_file)
  conditions <- spec[[conditions_key]]
  dict <- dictionary(file = dictionary_file, format = "YAML")
  frames_dict <- dict[setdiff(names(dict), conditions_key)]
  if (is.null(names(texts))) names(texts) <- paste0("text", seq_along(texts))
  sents <- corpus_reshape(corpus(normalise_arabic(texts), docnames = names(texts)), to = "sentences")
  toks <- tokens(sents, remove_punct = TRUE)
  lookup <- function(d, levels) {
    as.matrix(dfm(tokens_lookup(toks, d, valuetype = "regex", levels = levels), tolower = FALSE))
  }
  hits <- lookup(frames_dict, 1:2)
  cond <- if (is.null(conditions)) NULL else lookup(dict[conditions_key], 2:3)
  column <- function(m, name) if (!is.null(m) && name %in% colnames(m)) m[, name] else rep(0, nrow(hits))
  frames <- setdiff(names(spec), conditions_key)
  per_sentence <- sapply(frames, function(frame) {
    total <- rep(0, nrow(hits))
    for (key in names(spec[[frame]])) {
      n <- column(hits, paste(frame, key, sep = "."))
      if (key != always_key) {
        rule <- conditions[[key]]
        if (!is.null(rule$context)) n <- n * (column(cond, paste(key, "context", sep = ".")) > 0)
        if (!is.null(rule$exclude)) n <- n * (column(cond, paste(key, "exclude", sep = ".")) == 0)
      }
      total <- total + n
    }
    total
  })
  per_sentence <- matrix(per_sentence, nrow = nrow(hits), dimnames = list(NULL, frames))
  counts <- rowsum(per_sentence, as.character(docid(toks)))  # sentences back to documents
  data.frame(doc_id = rownames(counts), counts, row.names = NULL, check.names = FALSE)
}
