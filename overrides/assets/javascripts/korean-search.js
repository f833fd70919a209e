/*
 * Korean query words for Material for MkDocs' search worker.
 *
 * hooks/korean_search.py appends this file to Material's lunr.ko.min.js, which the search
 * worker loads (importScripts) when `plugins.search.lang` is `ko`. It runs inside the worker,
 * where `lunr` is global, before the index is built.
 *
 * Lunr matches query terms as prefixes of indexed words. A Hangul query word with a particle or
 * an ending (쿠키는, 저장합니다, 만들기, 멱등성이란) is not a prefix of the indexed word, so this
 * script strips particles and endings: it tries the word and the word without each known
 * suffix (twice, for stacked particles like 에서는) and keeps the shortest candidate, at least
 * two letters long, that starts some indexed word. Prefix matching then finds every inflected
 * form in the text and the dictionary forms (저장하다, 만들다) that the hook adds to the
 * `morphs` field.
 *
 * It patches lunr.QueryLexer, which Material uses both to split the query and to search, so
 * highlighting and "missing term" marks see the same normalised words.
 */
;(function (lunr) {
  "use strict"
  if (typeof lunr === "undefined" || !lunr.QueryLexer || !lunr.Builder)
    return

  var HANGUL = /[\uac00-\ud7a3]/

  /* Particles (조사) and particle-like copula endings */
  var PARTICLES = (
    "이 가 은 는 을 를 의 에 에서 에게 에게서 한테 께 께서 로 으로 로서 으로서 로써 으로써 " +
    "와 과 도 만 까지 부터 보다 처럼 마다 조차 마저 이나 나 든지 이든지 라도 이라도 " +
    "란 이란 라는 이라는 이라 랑 이랑 하고 요 에는 에서는 에도 에서도 에서의 에게는 으로는 " +
    "로는 와는 과는 와의 과의 으로의 로의 까지는 부터는 만으로 만의 이다 입니다 인가 인가요 " +
    "이에요 예요 이죠 일까 일까요 이고 이며 이면 이지만 란요 이란요 뿐 밖에"
  ).split(" ")

  /* Endings after a verb or adjective stem, and the 하다/되다 family after a noun */
  var ENDINGS = (
    "다 기 는 고 지 면 게 서 요 며 어 아 여 어서 아서 여서 어요 아요 니다 습니다 는다 " +
    "하다 합니다 하는 하기 하고 하면 하여 해서 해요 했다 했습니다 한다 한 할 함 하지 하게 " +
    "하려면 하세요 해야 해 했던 하던 하는지 하나요 할까 할까요 하기 하는법 " +
    "되다 됩니다 되는 되기 되고 되면 되어 돼서 된다 된 될 됨 되지 되게 돼요 됐다 되나요 " +
    "시키다 시키는 시키기 시킵니다 " +
    "는법 는지 나요 을까 을까요 는가 는가요 려면 으려면 세요 으세요 기란"
  ).split(" ")

  var SUFFIXES = PARTICLES.concat(ENDINGS)
    .filter(function (s, i, all) { return s && all.indexOf(s) === i })
    .sort(function (a, b) { return b.length - a.length })

  /* The index being built; captured so that candidates can be checked against it */
  var index = null
  var build = lunr.Builder.prototype.build
  lunr.Builder.prototype.build = function () {
    index = build.apply(this, arguments)
    return index
  }

  /* Whether some indexed word starts with the given prefix */
  function known(prefix) {
    if (!index)
      return true
    var node = index.tokenSet
    for (var i = 0; i < prefix.length; i++) {
      node = node.edges[prefix.charAt(i)]
      if (!node)
        return false
    }
    return true
  }

  /* The word and the word without one or two suffixes */
  function candidates(word) {
    var result = [word]
    for (var depth = 0, from = 0; depth < 2; depth++) {
      var until = result.length
      for (var c = from; c < until; c++)
        for (var s = 0; s < SUFFIXES.length; s++) {
          var suffix = SUFFIXES[s]
          var stem = result[c].slice(0, -suffix.length)
          if (stem && result[c].slice(-suffix.length) === suffix && result.indexOf(stem) < 0)
            result.push(stem)
        }
      from = until
    }
    return result
  }

  /* Normalised words, so that normalising twice gives the same word */
  var memo = Object.create(null)

  /* Normalise one Hangul word (no wildcard or punctuation) */
  function normaliseWord(word) {
    if (!HANGUL.test(word))
      return word
    var key = word.toLowerCase()
    if (key in memo)
      return memo[key]
    var best = key
    var list = candidates(key)
    for (var i = 0; i < list.length; i++)
      if (list[i].length >= 2 && list[i].length < best.length && known(list[i]))
        best = list[i]
    memo[key] = best
    memo[best] = best
    return best
  }

  /* Normalise a query term, keeping wildcards and separators (쿠키·세션을* -> 쿠키·세션*) */
  function normalise(term) {
    var separator = lunr.tokenizer.separator || /[\s\-]+/
    var pattern = new RegExp(separator.source + "|\\*", "g")
    var result = "", last = 0, match
    while ((match = pattern.exec(term)) !== null) {
      result += normaliseWord(term.slice(last, match.index)) + match[0]
      last = match.index + match[0].length
      if (!match[0].length)
        pattern.lastIndex++
    }
    return result + normaliseWord(term.slice(last))
  }

  var emit = lunr.QueryLexer.prototype.emit
  lunr.QueryLexer.prototype.emit = function (type) {
    emit.call(this, type)
    if (type === lunr.QueryLexer.TERM) {
      var lexeme = this.lexemes[this.lexemes.length - 1]
      lexeme.str = normalise(lexeme.str)
    }
  }

  /* For tests and the benchmark */
  lunr.koQuery = { normalise: normalise, candidates: candidates }
})(typeof lunr !== "undefined" ? lunr : undefined)

/*
 * Lunr 2.3.9 merges equal suffixes of the index's words (TokenSet.Builder.minimize) by a key
 * made of each edge's label and the child's numeric id with nothing between them, so "5" then
 * node 10 and "51" then node 0 read the same: the merged set then holds words that are not in
 * the index (on this site once: 코드510분, in no page), and any query that expands to one of
 * them throws inside the worker and finds nothing (상태, 코드). A separator after each id makes
 * the key unambiguous, as a label is always one character.
 */
;(function (lunr) {
  "use strict"
  if (typeof lunr === "undefined" || !lunr.TokenSet)
    return
  lunr.TokenSet.prototype.toString = function () {
    if (this._str)
      return this._str
    var str = this.final ? "1" : "0"
    var labels = Object.keys(this.edges).sort()
    for (var i = 0; i < labels.length; i++)
      str += labels[i] + this.edges[labels[i]].id + "|"
    return str
  }
})(typeof lunr !== "undefined" ? lunr : undefined)
