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
  frames <- setdiff(names(spec), conditions_key)
  if (is.null(names(texts))) names(texts) <- paste0("text", seq_along(texts))
  sents <- corpus_reshape(corpus(normalise_arabic(texts), docnames = names(texts)), to = "sentences")
  toks <- tokens(sents, remove_punct = TRUE)
  # The conditional patterns each sentence admits (context found, no exclusion).
  met <- rep("", ndoc(toks))
  if (!is.null(conditions)) {
    cond_dict <- dictionary(file = dictionary_file, format = "YAML")[conditions_key]
    cond <- as.matrix(dfm(tokens_lookup(toks, cond_dict, valuetype = "regex", levels = 2:3),
                          tolower = FALSE))
    col <- function(name) if (name %in% colnames(cond)) cond[, name] else rep(0, ndoc(toks))
    for (key in names(conditions)) {
      keep <- rep(TRUE, ndoc(toks))
      if (!is.null(conditions[[key]]$context)) keep <- keep & col(paste(key, "context", sep = ".")) > 0
      if (!is.null(conditions[[key]]$exclude)) keep <- keep & col(paste(key, "exclude", sep = ".")) == 0
      met[keep] <- paste(met[keep], key)
    }
  }
  # One frame key per frame, with the values its sentences admit: nested matches of a
  # frame then count once (nested_scope = "key").
  counts <- matrix(0, ndoc(toks), length(frames), dimnames = list(docnames(toks), frames))
  for (combo in unique(met)) {
    admitted <- c(always_key, strsplit(trimws(combo), " ")[[1]])
    values <- lapply(frames, function(f) unlist(spec[[f]][intersect(names(spec[[f]]), admitted)],
                                                use.names = FALSE))
    names(values) <- frames
    idx <- which(met == combo)
    hits <- dfm(tokens_lookup(toks[idx], dictionary(values[lengths(values) > 0]),
                              valuetype = "regex", nested_scope = "key"), tolower = FALSE)
    counts[idx, ] <- as.matrix(dfm_match(hits, frames))
  }
  counts <- rowsum(counts, as.character(docid(toks)))  # sentences back to their documents
  data.frame(doc_id = rownames(counts), counts, row.names = NULL, check.names = FALSE)
}
