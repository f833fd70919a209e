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
 * highlighting and "missing term" marks see the same normalised words. A word the index does
 * not know at all is split where a Latin or digit run meets Hangul (404에러 -> 404 에러), then
 * into two known words (서명된쿠키 -> 서명 쿠키), and last corrected by one jamo (쿠기 -> 쿠키).
 * Question words and fillers (뭐예요, 방법) are dropped from the query.
 *
 * It also wraps lunr.Index#search, to which Material hands the whole query: every two
 * neighbouring words are searched once more joined (상태 코드 -> 상태코드*, boosted), which the
 * hook indexes for words that stand together in the text, and all the words joined are looked up
 * in the `title_key` field, which holds each title and heading without spaces. So a page that
 * has the words together, or a heading that is the query, comes before a page that has one of
 * the words many times.
 */
;(function (lunr) {
  "use strict"
  if (typeof lunr === "undefined" || !lunr.QueryLexer || !lunr.Builder)
    return

  var HANGUL = /[\uac00-\ud7a3]/

  /* Digits are word characters. lunr.ko trims every character but Latin letters and Hangul from
     both ends of each indexed word, so 404, 3xx or 1.1 lost their digits and could not be
     found; the same trimmer with digits added keeps them (registered under the same name). */
  if (lunr.ko && lunr.trimmerSupport) {
    lunr.ko.wordCharacters = "[A-Za-z0-9\uac00-\ud7a3]"
    lunr.ko.trimmer = lunr.trimmerSupport.generateTrimmer(lunr.ko.wordCharacters)
    lunr.ko.trimmer.label = "trimmer-ko"
    lunr.Pipeline.registeredFunctions["trimmer-ko"] = lunr.ko.trimmer
  }

  /* Particles (조사) and particle-like copula endings */
  var PARTICLES = (
    "이 가 은 는 을 를 의 에 에서 에게 에게서 한테 께 께서 로 으로 로서 으로서 로써 으로써 " +
    "와 과 도 만 까지 부터 보다 처럼 마다 조차 마저 이나 나 든지 이든지 라도 이라도 " +
    "란 이란 라는 이라는 이라 라고 이라고 랑 이랑 하고 요 에는 에서는 에도 에서도 에서의 에게는 으로는 " +
    "로는 와는 과는 와의 과의 으로의 로의 까지는 부터는 만으로 만의 이다 입니다 인가 인가요 " +
    "이에요 예요 이죠 일까 일까요 이고 이며 이면 이지만 란요 이란요 뿐 밖에 인지 인지요 인데 인데요 " +
    "이라던데 라던데 이래요 래요 이라며 라며 이니 이니까 이라서 라서 " +
    /* and the short forms after a vowel (서버고, 주소라) or of 에는 (브라우저엔) */
    "고 라 엔"
  ).split(" ")

  /* Endings after a verb or adjective stem, and the 하다/되다 family after a noun */
  var ENDINGS = (
    "다 기 는 고 지 면 게 서 요 며 어 아 여 어서 아서 여서 어요 아요 니다 습니다 는다 " +
    "하다 합니다 하는 하기 하고 하면 하여 해서 해요 했다 했습니다 한다 한 할 함 하지 하게 " +
    "하려면 하세요 해야 해 했던 하던 하는지 하나요 할까 할까요 하기 하는법 " +
    "되다 됩니다 되는 되기 되고 되면 되어 돼 돼서 된다 된 될 됨 되지 되게 돼요 됐다 되나요 " +
    "시키다 시키는 시키기 시킵니다 " +
    "는법 는지 나요 을까 을까요 는가 는가요 려면 으려면 세요 으세요 기란 " +
    /* The casual register of a phone query: -는 거 (thing that ...), -음 (풀림, 있음) */
    "는거 은거 던거 한거 하는거 된거 되는거 인거 는게 은게 음 " +
    /* Past tense and linking endings of a description (받았는데, 보냈지만, 바꿔도) */
    "는데 았는데 었는데 였는데 했는데 됐는데 지만 았지만 었지만 했지만 어도 아도 해도 " +
    "았다 었다 였다 았음 었음 했음 니까 으니까 " +
    /* Quoted speech (바뀌었다고 알려 주는, 하겠다는 뜻, 먹으라는 말, 왜 쓰냐고) */
    "다고 는다고 었다고 았다고 였다고 했다고 됐다고 다는 는다는 었다는 았다는 했다는 겠다는 하겠다는 " +
    "으라는 으라고 냐고 느냐고 " +
    /* and what one heard (비연결이라던데, 만료됐대요, 막힌다며) */
    "던데 다던데 는다던데 대요 는대요 했대요 됐대요 다며 는다며 " +
    /* and what followed what one did (새로고침했더니, 보냈더니) */
    "더니 았더니 었더니 였더니 했더니 됐더니 " +
    /* Derivational suffixes that make a noun (-성, -화, -점, -용 for) or an adjective (-적) of a noun */
    "성 화 적 적인 적으로 점 용 " +
    /* and the copula after such an adjective (법적인 -> 법적, where 법 alone is too short),
       or after a noun before 때 (과부하일 때) */
    "인 일 " +
    /* the bound noun 중 (in the middle of) glued to a noun: 점검중, 점검중이라 */
    "중"
  ).split(" ")

  /* Helping verbs after a main verb (알려 주는, 받아 오는, 써 보기), and 있다/없다 after a noun
     (상관있음, 필요없나요): they say how, not what */
  var HELPERS = ("주는 주기 주고 주면 주다 주세요 줘 줘요 오는 오기 오고 오다 와 와요 " +
    "보는 보기 보고 보다 봐 봐요 두는 두기 두고 두다 놓는 놓기 놓고 놓다 버리는 버리기 버리다 " +
    "있음 없음 있나 없나 있나요 없나요 있어 없어 있어요 없어요 있는지 없는지 있는 없는 있다 없다").split(" ")

  /* Question words and fillers a learner adds to a query; they carry no topic */
  var FILLERS = (
    "뭐 뭐야 뭐예요 뭐에요 뭔가요 뭔데 뭐지 뭔지 뭘 뭐가 뭔가 무엇 무엇인가 무엇인가요 무엇입니까 " +
    "무엇인지 무엇이 무엇을 뭘까 뭘까요 왜 왜요 언제 어떻게 어떡해 어디 어떤 방법 방법은 방법이 " +
    "알려 알려줘 알려줘요 알려주세요 주세요 설명 설명해줘 궁금 궁금해요 " +
    /* the 하다 family standing alone after a noun (리다이렉트 하려면, 써야 하나요) */
    "하다 하려면 하는 하나요 하면 해야 해요 할까요 하나 되나요 됩니까 한다 했다 하겠다 하고 해서 " +
    /* and the casual register (뭐임, 안됨, 어케) */
    "뭐임 뭐뭐 뭐함 뭐해 뭐해야 뭐해야됨 어케 어캐 어떻게함 안됨 안돼 안돼요 안되나요 됨 함 임 거 건 " +
    "돼 돼요 되요 돼야 거죠 건가 건가요 거예요 거야 건지 뭔지요 와요 오나요 " +
    /* what a thing is for (뭐하는 곳), and 시키다 after a noun written apart (리다이렉트 시키기) */
    "뭐하는 뭐하는데 뭐하는지 곳이에요 곳이야 곳인가요 시키기 시키는 시키다 시키려면 시켜 " +
    /* instead of (print 말고 로그): the words around it say what is wanted */
    "말고 " +
    "있음 없음 있어 없어 있나요 없나요 " +
    /* when (…할 때, …일 때의) and what kind (무슨): the situation is in the other words */
    "때 때의 때는 땐 때에 때도 때만 무슨 " +
    /* how many times or things, written as one word (두번 for 두 번, 두개 for 두 개): not a typo of
       둔번, 여러분 or 두게 */
    "한번 두번 세번 네번 여러번 몇번 몇번째 한개 두개 세개 네개 여러개 몇개"
  ).split(" ")

  var SUFFIXES = PARTICLES.concat(ENDINGS)
    .filter(function (s, i, all) { return s && all.indexOf(s) === i })
    .sort(function (a, b) { return b.length - a.length })

  /* The index being built; captured so that candidates can be checked against it */
  var index = null, documents = 0

  /* Pages titled with a status code (404 Not Found), for a query that asks for one */
  var CODE_TITLE = /^[1-5][0-9][0-9] /, codePages = Object.create(null)
  var build = lunr.Builder.prototype.build
  lunr.Builder.prototype.build = function () {
    /* Lunr's default search pipeline stems every query word with its English stemmer. lunr.ko
       leaves that pipeline as it is, and Material then removes lunr.ko's stemmer (it has none),
       not Lunr's. The indexed words are not stemmed, so a query word the stemmer changes
       (cache -> cach, cookies -> cooki, idempotent -> idempot) found nothing wherever it is
       searched without the trailing wildcard: the first parts of Cache-Control or
       X-Forwarded-For, a quoted word, a whole query as a title. Query words go through what the
       indexed words went through, and no more. */
    if (this.pipeline.toJSON().indexOf("stemmer") < 0)
      this.searchPipeline.remove(lunr.stemmer)
    index = build.apply(this, arguments)
    documents = this.documentCount
    rarities = Object.create(null)
    dropHiddenFields(this._koDocs || [], this._fields)
    this._koDocs = null
    return index
  }

  /* Fields the reader sees; the others (morphs, title_key ...) exist only to be searched */
  var SHOWN = { title: true, text: true, tags: true }

  /* Remember the documents the index is built from */
  var add = lunr.Builder.prototype.add
  lunr.Builder.prototype.add = function (doc) {
    (this._koDocs = this._koDocs || []).push(doc)
    if (CODE_TITLE.test(doc.title || "") && String(doc.location).indexOf("#") < 0)
      codePages[doc.location] = true
    return add.apply(this, arguments)
  }

  /* Once indexed, the search-only fields leave the documents. Material keeps these same
     objects to render results: for every result it marks the matched words in each field
     the document has and copies the document into the reply, so long morpheme fields cost
     time on every query and are never shown. */
  function dropHiddenFields(docs, fields) {
    var hidden = Object.keys(fields || {}).filter(function (name) { return !SHOWN[name] })
    for (var d = 0; d < docs.length; d++)
      for (var f = 0; f < hidden.length; f++)
        delete docs[d][hidden[f]]
    /* Nor do their word positions serve anything: Lunr copies them into every match */
    var postings = index.invertedIndex, empty = {}
    for (var term in postings)
      for (var h = 0; h < hidden.length; h++) {
        var posting = postings[term][hidden[h]]
        for (var ref in posting)
          posting[ref] = empty
      }
  }

  /* The index's token set node for a prefix, or null when no indexed word starts with it */
  function lookup(prefix) {
    var node = index.tokenSet
    for (var i = 0; i < prefix.length && node; i++)
      node = node.edges[prefix.charAt(i)]
    return node || null
  }

  /* Whether some indexed word starts with the given prefix */
  function known(prefix) {
    return !index || lookup(prefix) !== null
  }

  /* Syllables one jamo away from a Hangul syllable, in tiers: 0, the usual typing confusions
     (vowels ㅐ/ㅔ, ㅔ/ㅖ, ㅜ/ㅡ ..., initials ㄱ/ㅋ, ㄷ/ㅌ, ㅅ/ㅆ ...); 1, how loanwords are spelled
     either way (캐쉬/캐시, 쥬/주, 데이타/데이터, 컨/콘); 2, every other initial, vowel and final.
     Groups are [slot, values]: slot 0 is the initial, 1 the vowel. */
  var TIERS = [
    [[1, [1, 5]], [1, [3, 7]], [1, [5, 7]], [1, [1, 3]], [1, [10, 11, 15]], [1, [13, 18]],
     [1, [4, 6]], [1, [8, 12]], [1, [17, 20]], [0, [0, 15, 1]], [0, [3, 16, 4]], [0, [7, 17, 8]],
     [0, [9, 10]], [0, [12, 14, 13]]],
    [[1, [16, 20]], [1, [17, 13]], [1, [0, 4]], [1, [4, 8]]]
  ]
  var SIZES = [19, 21, 28]
  function syllableVariants(syllable, tier) {
    var code = syllable.charCodeAt(0) - 0xac00
    var parts = [Math.floor(code / 588), Math.floor(code % 588 / 28), code % 28]
    var order = [], seen = {}
    function push(slot, value) {
      var key = slot + ":" + value
      if (value === parts[slot] || seen[key])
        return
      seen[key] = true
      var next = parts.slice()
      next[slot] = value
      order.push(String.fromCharCode(0xac00 + next[0] * 588 + next[1] * 28 + next[2]))
    }
    var from = 0
    for (var t = 0; t < TIERS.length && t <= tier; t++) {
      TIERS[t].forEach(function (group) {
        if (group[1].indexOf(parts[group[0]]) >= 0)
          group[1].forEach(function (value) { push(group[0], value) })
      })
      if (t < tier)
        from = order.length
    }
    if (tier >= TIERS.length)
      for (var slot = 0; slot < 3; slot++)
        for (var value = 0; value < SIZES[slot]; value++)
          push(slot, value)
    return order.slice(from)
  }

  /* The word with one syllable one jamo off that the index knows: a tier's variants in any
     syllable before the next tier's (해더 is 헤더 before 해서), whole words before prefixes */
  function corrected(word) {
    for (var tier = 0; tier <= TIERS.length; tier++) {
      var prefix = null
      for (var i = word.length - 1; i >= 0; i--) {
        if (!HANGUL.test(word.charAt(i)))
          continue
        var variants = syllableVariants(word.charAt(i), tier)
        for (var v = 0; v < variants.length; v++) {
          var guess = word.slice(0, i) + variants[v] + word.slice(i + 1)
          var node = lookup(guess)
          if (node && node.final)
            return guess
          if (node && !prefix)
            prefix = guess
        }
      }
      if (prefix)
        return prefix
    }
    return null
  }

  /* Endings of one syllable that only follow a verb or adjective stem: 서 of 인증서 is no ending,
     as 인증다 is no verb, while 기 of 만들기 is (만들다 is a dictionary form in the index) */
  var VERB_ONLY = "다 기 고 지 면 게 서 며 어 아 여".split(" ")
    .filter(function (s) { return PARTICLES.indexOf(s) < 0 })
  function verbStem(stem) {
    return !index || isWhole(stem + "다")
  }

  /* 인 is the copula only after a -적 adjective: 로그인 or 플러그인 keep it; 일 and 중 only after
     a whole indexed word (과부하일, 점검중), so 스타일, 이메일 or 집중 keep theirs */
  function allowed(suffix, stem) {
    if (suffix === "인")
      return stem.slice(-1) === "적"
    if (suffix === "일" || suffix === "중")
      return isWhole(stem)
    return VERB_ONLY.indexOf(suffix) < 0 || verbStem(stem)
  }

  /* A stem ending in ㅣ, ㅜ, ㅗ or ㅚ fuses with the ending 어/아 (쌓이+어서 -> 쌓여서, 지우+어 -> 지워,
     가져오+아서 -> 가져와서, 되+어 -> 돼), so no suffix leaves a stem the index knows. After such a
     syllable (or its past form with ㅆ: 쌓였다) and one of these endings, the stem is restored
     when the morphs field has its dictionary form (쌓이다): 서벼 is a typo of 서버, not a verb. */
  var FUSED = { 6: 20, 14: 13, 9: 8, 10: 11 }  /* vowel index: ㅕ->ㅣ, ㅝ->ㅜ, ㅘ->ㅗ, ㅙ->ㅚ */
  var AFTER_FUSED = ["", "서", "요", "도", "야", "다", "는데", "지만", "음", "던", "어", "서요", "는지", "니까", "으니까"]
  function unfused(word) {
    for (var t = 0; t < AFTER_FUSED.length; t++) {
      var tail = AFTER_FUSED[t], at = word.length - tail.length - 1
      if (at < 1 || word.slice(at + 1) !== tail || !HANGUL.test(word.charAt(at)))
        continue
      var code = word.charCodeAt(at) - 0xac00, vowel = Math.floor(code % 588 / 28), last = code % 28
      if (!(vowel in FUSED) || last !== 0 && last !== 20)  /* no final consonant, or the past ㅆ */
        continue
      var stem = word.slice(0, at) + String.fromCharCode(0xac00 + (code - code % 588) + FUSED[vowel] * 28)
      if (verbStem(stem))
        return stem
    }
    return null
  }

  /* The word and the word without one or two suffixes */
  function candidates(word) {
    var result = [word], restored = unfused(word)
    if (restored)
      result.push(restored)
    for (var depth = 0, from = 0; depth < 2; depth++) {
      var until = result.length
      for (var c = from; c < until; c++)
        for (var s = 0; s < SUFFIXES.length; s++) {
          var suffix = SUFFIXES[s]
          var stem = result[c].slice(0, -suffix.length)
          if (stem && result[c].slice(-suffix.length) === suffix && result.indexOf(stem) < 0 &&
              allowed(suffix, stem))
            result.push(stem)
        }
      from = until
    }
    return result
  }

  /* A verb or adjective whose stem is one syllable (길다, 많다, 크다) with its ending glued on
     (길어서, 많았는데, 길다고): its dictionary form, which the morphs field holds, or null.
     stem() wants two syllables, because one syllable starts thousands of words. */
  function shortVerb(word) {
    var first = word.charAt(0), rest = word.slice(1)
    if (ENDINGS.indexOf(rest) < 0)
      return null
    /* a stem ending in ㄹ drops it before 는 (까는 of 깔다, 아는 of 알다) */
    return dictionaryForm(first) || (rest.charAt(0) === "는" ? dictionaryForm(withFinal(first, 8)) : null)
  }

  /* The syllable with the final consonant `final` added (8 is ㄹ, 16 is ㅁ), or taken off; null
     when it has another final, or none to take off */
  function withFinal(syllable, final) {
    var code = syllable.charCodeAt(0) - 0xac00
    return code >= 0 && code < 11172 && code % 28 === 0 ? String.fromCharCode(0xac00 + code + final) : null
  }
  function withoutFinal(syllable, final) {
    var code = syllable.charCodeAt(0) - 0xac00
    return code >= 0 && code < 11172 && code % 28 === final ? String.fromCharCode(0xac00 + code - final) : null
  }

  /* The casual register names a state with the nominal ㅁ on the stem (풀림, 날아감, 보임, 뜸):
     the verb in its dictionary form when the index has it, normalised; or null */
  function nominalVerb(word) {
    var last = withoutFinal(word.slice(-1), 16)
    var form = last && dictionaryForm(word.slice(0, -1) + last)
    var normal = form && normaliseWord(form)
    return normal && known(normal) ? normal : null
  }

  function dictionaryForm(stem) {
    return stem && HANGUL.test(stem) && index && isWhole(stem + "다") ? stem + "다" : null
  }

  /* A word the index does not know, with 때 (when) glued on (클때, 느릴때, 많을때, 틀렸을때랑):
     the verb before it in its dictionary form when the index has that form, taking off the
     ending ㄹ/을 that comes before 때 (클 -> 크다, 느릴 -> 느리다, 많을 -> 많다, but 길 -> 길다 and
     만들 -> 만들다 keep the ㄹ of their stem), normalised like any word (로그인할때 -> 로그인); or
     the word before it normalised on its own */
  var WHEN = ["때", "때의", "때는", "땐", "때도", "때에", "때랑"]
  function whenWord(word) {
    for (var w = 0; w < WHEN.length; w++) {
      var before = word.slice(0, -WHEN[w].length)
      if (!before || word.slice(-WHEN[w].length) !== WHEN[w])
        continue
      var lastL = withoutFinal(before.slice(-1), 8)
      var withoutL = lastL && before.slice(0, -1) + lastL
      var form = (before.slice(-1) === "을" ? dictionaryForm(before.slice(0, -1)) : null) ||
        dictionaryForm(before) || dictionaryForm(withoutL) || (before.length > 1 ? before : null)
      var normal = form && normaliseWord(form)  /* 로그인하다 -> 로그인 */
      return normal && known(normal) ? normal : null
    }
    return null
  }

  /* A word of one syllable with a particle of two (중이니 of 점검 중이니, 폼에서): the syllable
     when the index has it whole, which addPhraseClauses searches only next to its neighbours;
     without this, a jamo correction made another word of the whole (중이지). A particle of one
     syllable is left alone: 에라 is a typo of 에러, not 에 with 라. */
  function syllableWord(word) {
    var syllable = word.charAt(0)
    return word.length === 3 && PARTICLES.indexOf(word.slice(1)) >= 0 && isWhole(syllable) ? syllable : null
  }

  /* Normalised words, so that normalising twice gives the same word. Material's worker reads a
     query three times (its own parse, its rewrite of the query, Lunr's parse), and each time
     after the first the words are those the first one gave (헤더대소문자 is 헤더 대소문자, then
     헤더 and 대소문자). The memo lasts one query (Index#search clears it): a word it kept as
     its own normal form would otherwise change how later queries read that word, and the same
     query would find other pages after other searches. */
  var memo = Object.create(null)

  /* The shortest known form of a word without its particles and endings, or null */
  function stem(word) {
    var best = null
    var list = candidates(word)
    for (var i = 0; i < list.length; i++)
      if (list[i].length >= 2 && (best === null || list[i].length < best.length) &&
          knownApart(list[i], word.lastIndexOf(list[i], 0) === 0 ? word.slice(list[i].length) : ""))
        best = list[i]
    return best
  }

  /* Whether the index has a word that starts with the stem and is not the stem followed by
     what was cut off it: 폴더생 (폴더생성 without 성, as in 멱등성) starts only 폴더생성 in the
     index, the very word the query had, and as a prefix it found that word alone */
  function knownApart(stem, cut) {
    if (!index)
      return true
    var node = lookup(stem)
    for (var i = 0; node && i < cut.length; i++) {
      if (node.final)
        return true
      for (var edge in node.edges)
        if (edge !== cut.charAt(i))
          return true
      node = node.edges[cut.charAt(i)]
    }
    return !!node && !cut
  }

  /* A word the index does not know: split or corrected into words it knows, or null. Of the
     two-piece splits, the first (longest left piece) whose pieces both stem to words the index
     has whole wins, else the first whose pieces are known at all: 헤더대소문자 is 헤더 대소문자,
     not 헤더대(로) 소문자. */
  function repaired(word) {
    var split = null
    for (var cut = word.length - 2; cut >= 2; cut--) {
      var left = stem(word.slice(0, cut))
      if (left && HELPERS.indexOf(word.slice(cut)) >= 0)
        return left
      var right = left && stem(word.slice(cut))
      if (!right)
        continue
      var joined = FILLERS.indexOf(right) >= 0 ? left : left + " " + right
      if (isWhole(left) && (isWhole(right) || FILLERS.indexOf(right) >= 0))
        return joined
      split = split || joined
    }
    if (split)
      return split
    var pieces = segmented(word)
    if (pieces)
      return pieces
    var list = candidates(word)
    for (var i = 0; i < list.length; i++) {
      var guess = list[i].length >= 2 && index ? corrected(list[i]) : null
      if (guess)
        return stem(guess) || guess
    }
    return null
  }

  /* A word glued from three words or more (파일업로드용량제한): its pieces of two syllables or
     more that each stem to a word the index knows, the fewest of them and then the most that the
     index has whole, or null. Two pieces are repaired's first try; without this, a jamo
     correction guessed one wrong word for the whole and the query found nothing. */
  var MIN_GLUED = 6, MAX_GLUED = 24, MAX_PIECE = 8
  function segmented(word) {
    if (!index || word.length < MIN_GLUED || word.length > MAX_GLUED)
      return null
    var best = [{ pieces: [], cost: 0 }]
    for (var end = 1; end <= word.length; end++) {
      best[end] = null
      for (var start = Math.max(0, end - MAX_PIECE); start <= end - 2; start++) {
        var piece = best[start] && stem(word.slice(start, end))
        if (!piece)
          continue
        var cost = best[start].cost + 10 - (isWhole(piece) ? 1 : 0)
        if (!best[end] || cost < best[end].cost)
          best[end] = { pieces: best[start].pieces.concat([piece]), cost: cost }
      }
    }
    var found = best[word.length]
    return found && found.pieces.length >= 3 ?
      found.pieces.filter(function (p) { return FILLERS.indexOf(p) < 0 }).join(" ") : null
  }

  /* Latin letters read out in Hangul, as learners type abbreviations: 오알엠 is ORM, 제이더블유티
     is JWT, 에이피아이가 is API가. A word (without its particles) that the index does not have
     whole and that reads as two or more letter names becomes the Latin word the index has. */
  var LETTER_NAMES = [
    ["에이치", "h"], ["에치", "h"], ["에이", "a"], ["비", "b"], ["씨", "c"], ["시", "c"], ["디", "d"],
    ["이", "e"], ["에프", "f"], ["지", "g"], ["쥐", "g"], ["아이", "i"], ["제이", "j"], ["케이", "k"],
    ["엘", "l"], ["엠", "m"], ["엔", "n"], ["오", "o"], ["피", "p"], ["큐", "q"], ["알", "r"],
    ["에스", "s"], ["티", "t"], ["유", "u"], ["브이", "v"], ["더블유", "w"], ["더블류", "w"],
    ["엑스", "x"], ["와이", "y"], ["제트", "z"], ["젯", "z"]
  ]
  var MAX_READINGS = 64
  function letterReadings(word) {
    var found = [], partial = [["", 0]]
    while (partial.length && found.length < MAX_READINGS) {
      var next = partial.pop(), letters = next[0], at = next[1]
      if (at === word.length) {
        if (letters.length >= 2)
          found.push(letters)
        continue
      }
      for (var n = 0; n < LETTER_NAMES.length; n++)
        if (word.lastIndexOf(LETTER_NAMES[n][0], at) === at && partial.length < MAX_READINGS)
          partial.push([letters + LETTER_NAMES[n][1], at + LETTER_NAMES[n][0].length])
    }
    return found
  }

  /* A glued word (폴더생성) that the index has only because the morphs field joins neighbouring
     nouns (폴더 생성 on one page) is its two words, which every other page has apart: the
     glued word is then searched as the query 폴더 생성, whose pair clause still finds it joined */
  function unjoined(word) {
    if (!joinedOnly(word))
      return word
    for (var cut = word.length - 2; cut >= 2; cut--) {
      var left = word.slice(0, cut), right = word.slice(cut)
      if (isWhole(left) && isWhole(right) && !joinedOnly(left) && !joinedOnly(right))
        return left + " " + right
    }
    return word
  }

  function joinedOnly(word) {
    var posting = index && HANGUL.test(word) ? index.invertedIndex[word] : null
    if (!posting)
      return false
    for (var field in posting)
      if (field !== "_index" && field !== "morphs" && Object.keys(posting[field]).length)
        return false
    return true
  }

  function isWhole(word) {
    var node = index ? lookup(word) : null
    return !!(node && node.final)
  }

  function spelledOut(word) {
    if (!index)
      return null
    var list = candidates(word)
    for (var c = 0; c < list.length; c++) {
      if (isWhole(list[c]))
        return null
      var readings = letterReadings(list[c])
      for (var r = 0; r < readings.length; r++)
        if (isWhole(readings[r]))
          return readings[r]
    }
    return null
  }

  /* Latin letters and digits that the index does not know together (nginx502) are two words
     when it knows both; http2 or sha256, which it knows, stay whole */
  function lettersAndDigits(word) {
    var key = word.toLowerCase(), parts = /^([a-z]+)([0-9]+)$|^([0-9]+)([a-z]+)$/.exec(key)
    if (!parts || !index || known(key))
      return word
    var first = parts[1] || parts[3], second = parts[2] || parts[4]
    return known(first) && known(second) ? first + " " + second : word
  }

  /* A Latin word the index does not know that is one edit from a word it has whole: two
     neighbouring letters swapped (HttpOlny, REPROT), a letter left out (propatch), one too many,
     or one wrong (idempotant). Swaps are tried first, as the commonest slip. A word shorter than
     four letters is left alone: one edit away from it lie too many other words. */
  var ALPHABET = "abcdefghijklmnopqrstuvwxyz"
  function latinCorrected(word) {
    if (word.length < 4 || !/^[a-z][a-z_]*$/.test(word))
      return null
    var guesses = [], i, letter
    for (i = 0; i + 1 < word.length; i++)
      guesses.push(word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2))
    for (i = 0; i <= word.length; i++)
      for (letter = 0; letter < ALPHABET.length; letter++)
        guesses.push(word.slice(0, i) + ALPHABET.charAt(letter) + word.slice(i))
    for (i = 0; i < word.length; i++)
      guesses.push(word.slice(0, i) + word.slice(i + 1))
    for (i = 0; i < word.length; i++)
      for (letter = 0; letter < ALPHABET.length; letter++)
        guesses.push(word.slice(0, i) + ALPHABET.charAt(letter) + word.slice(i + 1))
    for (var g = 0; g < guesses.length; g++)
      if (guesses[g] !== word && isWhole(guesses[g]))
        return guesses[g]
    return null
  }

  /* A word without Hangul: split where letters meet digits, or corrected by one edit; an
     identifier the index does not have (SECURE_HSTS_SECONDS, a setting of another framework)
     is its words, which the notes may explain (hsts) */
  function latinWord(word) {
    var split = lettersAndDigits(word), key = word.toLowerCase()
    if (split !== word || !index || known(key))
      return split
    var guess = latinCorrected(key)
    if (guess || key.indexOf("_") < 0)
      return guess || word
    var parts = key.split(/_+/).filter(Boolean)
    return parts.length > 1 ? parts.map(latinWord).join(" ") : word
  }

  /* Quotes, brackets and the like around a word that the separator leaves ('쿠키', {쿠키}, 쿠키;,
     100%): Lunr's trimmer takes them off indexed words, but not off a query word with the
     wildcard Material adds, which then matched nothing */
  var EDGES = /^[^a-z0-9\uac00-\ud7a3]+|[^a-z0-9\uac00-\ud7a3]+$/gi

  /* Normalise one Hangul word (no wildcard or punctuation); "" for a filler word */
  function normaliseWord(word) {
    word = word.replace(EDGES, "")
    if (!HANGUL.test(word))
      return latinWord(word)
    var key = word.toLowerCase()
    if (key in memo)
      return memo[key]
    /* Latin or digits glued to Hangul are separate words (HTTP헤더, 404에러, 쿠키4kb제한); each
       pair is searched joined as well (see addPhraseClauses) */
    var runs = key.match(/[a-z0-9][a-z0-9._-]*|[^a-z0-9]+/g)
    if (runs.length > 1 && (/^[a-z0-9]/.test(key) || !known(key)))
      return memo[key] = runs.map(function (run, i) {
        /* A particle after Latin or digits (ORM이, 304는, PUT과) is dropped */
        if (HANGUL.test(run) && i && SUFFIXES.indexOf(run) >= 0)
          return ""
        return HANGUL.test(run) ? normaliseWord(run) : lettersAndDigits(run)
      }).filter(Boolean).join(" ")
    var spelled = spelledOut(key)
    if (spelled)
      return memo[key] = spelled
    var found = stem(key)
    var best = FILLERS.indexOf(key) >= 0 || FILLERS.indexOf(found) >= 0 ? "" :
      found || shortVerb(key) || whenWord(key) || nominalVerb(key) || syllableWord(key) || repaired(key) || key
    if (FILLERS.indexOf(best) >= 0)
      best = ""  /* 알려 of 알려주는, once the helping verb is off */
    best = best.split(" ").map(unjoined).join(" ")
    memo[key] = best
    if (best)
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

  /* Query clauses for neighbouring words joined, and for the whole query as a title; returns
     the query's words and those joined pairs, for `rerank`.

     A word of one Hangul syllable (간 of 사이트 간, 원 of 원 서버) is searched only joined to its
     neighbours when the query has other words: alone, with the trailing wildcard, it would
     match the start of thousands of words and rank pages by chance. */
  var PAIR_BOOST = 10, TITLE_BOOST = 100, TITLE_KEY = "title_key"
  function addPhraseClauses(query, fields) {
    var words = query.clauses.filter(function (clause) {
      return clause.presence !== lunr.Query.presence.PROHIBITED &&
        clause.fields.length === query.allFields.length && clause.term
    })
    var terms = words.map(function (clause) { return clause.term.replace(/\*/g, "") })
    var long = terms.filter(function (term) { return !isSyllable(term) })
    if (long.length && long.length < terms.length)
      query.clauses = query.clauses.filter(function (clause) {
        return words.indexOf(clause) < 0 || !isSyllable(clause.term.replace(/\*/g, ""))
      })
    for (var w = 0; w < words.length; w++)
      demoteOtherWords(query, words[w])
    var topical = terms.filter(function (term) { return !isFacet(term) })
    if (topical.length && topical.length < terms.length)
      for (var f = 0; f < words.length; f++)
        if (isFacet(terms[f]))
          words[f].boost *= FACET_BOOST
    var pairs = []
    for (var i = 0; i + 1 < terms.length; i++) {
      pairs.push(terms[i] + terms[i + 1])
      query.term(pairs[i], { boost: PAIR_BOOST, wildcard: lunr.Query.wildcard.TRAILING })
    }
    if (terms.length && fields.indexOf(TITLE_KEY) >= 0)
      query.term(terms.join(""), { fields: [TITLE_KEY], boost: TITLE_BOOST })
    var plan = { words: long.length ? long : terms, pairs: pairs, asksForCode: asksForCode(terms) }
    if (plan.words.length >= SENTENCE_WORDS)
      damp(query)
    return plan
  }

  /* A query word with the trailing wildcard also matches other words that start with it. A Latin
     word: http matches https, httponly and strict-transport-security's
     httpstricttransportsecurity, and a page about HTTPS then outranks the one about HTTP. A Hangul
     word the index has whole: 로그 matches 로그를 and 로그에는, but also 로그인 and 로그아웃, and
     pages about logging in outrank the one about logs. The word itself and the word with what
     may follow it (Hangul after a Latin word: http의, http헤더; a particle or an ending after a
     Hangul word) keep the clause's weight; other words get OTHER_WORD of it. While a Latin word
     is still being typed (no indexed word is the word itself or it with Hangul after it, as
     `redir`), the clause stays as it is. */
  var OTHER_WORD = 0.2, LATIN_WORD = /^[a-z0-9]{3,}\*$/, LATIN_LETTER = /^[a-z]/
  var HANGUL_WORD = /^[\uac00-\ud7a3]{2,}\*$/
  function followsLatin(ending) { return !LATIN_LETTER.test(ending) }
  function followsHangul(ending) { return !ending || SUFFIXES.indexOf(ending) >= 0 }
  function demoteOtherWords(query, clause) {
    var latin = LATIN_WORD.test(clause.term)
    if (!latin && !HANGUL_WORD.test(clause.term))
      return
    var prefix = clause.term.slice(0, -1), node = lookup(prefix)
    if (!node || !latin && !node.final)
      return
    var endings = node.toArray(), same = endings.filter(latin ? followsLatin : followsHangul)
    if (!same.length || same.length === endings.length)
      return
    var boost = clause.boost
    clause.boost = boost * OTHER_WORD
    for (var s = 0; s < same.length; s++)
      query.term(prefix + same[s], { fields: clause.fields, boost: boost * (1 - OTHER_WORD), usePipeline: false })
  }

  /* A description that ends in the word for a response or its code (접수만 했다는 응답, 주소가
     바뀌었다고 알려 주는 코드, 쿠키가 너무 많을 때 나는 에러) asks which status code that is: the
     page of a code, short and saying it once, then weighs CODE_WEIGHT times more against the
     notes' long sections that use the same everyday words */
  var CODE_WORDS = ["응답", "코드", "상태코드", "응답코드", "에러", "오류", "에러코드", "오류코드"]
  var CODE_WEIGHT = 3, DESCRIPTION_WORDS = 3
  function asksForCode(terms) {
    return terms.length >= DESCRIPTION_WORDS && CODE_WORDS.indexOf(terms[terms.length - 1]) >= 0
  }

  /* A query of SENTENCE_WORDS words or more describes something in a sentence; a title that
     has one of its words (boost 1,000) says little about the rest, so there the title fields
     count TITLE_DAMP of their usual score. (Lunr scores each field by the cosine of the query's
     and the field's vectors, so lower boosts on every title clause would change nothing: the
     weight is applied to the field's score, by Index#query below.) */
  var SENTENCE_WORDS = 3, TITLE_DAMP = 0.3
  var TITLE_WEIGHTS = { title: TITLE_DAMP, title_morphs: TITLE_DAMP, title_key: TITLE_DAMP, tags: TITLE_DAMP }
  function damp(query) {
    query.fieldWeights = TITLE_WEIGHTS
  }

  /* Words that ask for an aspect of the topic the rest of the query names (상태 코드 종류,
     쿠키 설정 방법): in a title they say little about that topic, so next to other words they
     weigh FACET_BOOST of a word, and in the share of the query a section has (rerank) they count
     FACET_SHARE, where every other word counts its rarity (at least 1): a page that has the
     topic but not the aspect has most of the query. */
  var FACETS = ("종류 목록 정리 개념 의미 뜻 원리 예제 예시 사용법 이유 과정 순서 역할 " +
    "장단점 구조 기본 기초 정의 요약 설정 list types kinds example examples meaning").split(" ")
  var FACET_BOOST = 0.2, FACET_SHARE = 0.25
  function isFacet(term) {
    return FACETS.indexOf(term) >= 0
  }

  function isSyllable(term) {
    return term.length === 1 && HANGUL.test(term)
  }

  /* Lunr adds up the matches of each word, and a common word in a title (boost 1,000) outweighs
     the rarer words of the query found together in the text. So a result's score is multiplied
     by ALL_WEIGHT times the share of the query's words it has to the power COVERAGE (all of
     them: 3; four of five: 1.2; one of five: 0.005), each word weighed by its rarity, since a
     learner who describes a concept in a sentence wants the section that says most of it; and
     by up to PHRASE_WEIGHT when it has neighbouring words of the query side by side (joined
     pairs, indexed for words that stand together), in proportion to the pairs it has. */
  var PHRASE_WEIGHT = 20, ALL_WEIGHT = 3, COVERAGE = 4
  function rerank(results, plan) {
    if (plan.words.length < 2)
      return results
    if (plan.asksForCode)
      for (var c = 0; c < results.length; c++)
        if (codePages[pageOf(results[c])])
          results[c].score *= CODE_WEIGHT
    var weights = plan.words.map(function (word) { return isFacet(word) ? FACET_SHARE : rarity(word) })
    var total = weights.reduce(function (a, b) { return a + b }, 0)
    for (var r = 0; r < results.length; r++) {
      var terms = Object.keys(results[r].matchData.metadata)
      var found = 0, together = 0
      for (var w = 0; w < plan.words.length; w++)
        if (startsAny(terms, plan.words[w]))
          found += weights[w]
      for (var p = 0; p < plan.pairs.length; p++)
        if (startsAny(terms, plan.pairs[p]))
          together++
      results[r].score *= ALL_WEIGHT * Math.pow(found / total, COVERAGE) *
        (together ? 1 + (PHRASE_WEIGHT - 1) * together / plan.pairs.length : 1)
    }
    return results  /* withSiblings sorts them */
  }

  /* How much a query word says: its inverse document frequency (Lunr's formula) over the
     sections that have a word starting with it, at least 1. Of 리프레시 토큰이 필요한 이유, a
     section with 필요 and 이유 in its title but no 리프레시토큰 has the common part of the query,
     not the half of it. Words that end thousands of ways (a syllable's prefix) count as common. */
  var MAX_ENDINGS = 300, rarities = Object.create(null)
  function rarity(word) {
    if (word in rarities)
      return rarities[word]
    var node = index ? lookup(word) : null, refs = Object.create(null), count = 0
    var endings = node ? node.toArray() : []
    if (endings.length > MAX_ENDINGS)
      count = Infinity
    for (var e = 0; e < endings.length && count !== Infinity; e++) {
      var posting = index.invertedIndex[word + endings[e]]
      for (var field in posting)
        if (field !== "_index")
          for (var ref in posting[field])
            if (!refs[ref]) {
              refs[ref] = true
              count++
            }
    }
    var idf = count === Infinity || !documents ? 1
      : Math.log(1 + Math.abs((documents - count + 0.5) / (count + 0.5)))
    return rarities[word] = Math.max(1, idf)
  }

  /* Material lists the result pages in the order of their best section. A page whose other
     sections match the query too is about it, while a page with one section that happens to use
     the same words is not: each section gains SIBLING_SHARE of the scores of its page's other
     matching sections. (Of 응답이 캐시에 저장되지 않게 하려면, the caching note, which speaks of
     it in seven sections, now comes before the sign-in chapter, whose one section on storing
     password hashes, with 저장 in its title, matched best.) */
  var SIBLING_SHARE = 0.5
  function withSiblings(results) {
    var pageScore = Object.create(null), r
    for (r = 0; r < results.length; r++) {
      var page = pageOf(results[r])
      pageScore[page] = (pageScore[page] || 0) + results[r].score
    }
    for (r = 0; r < results.length; r++)
      results[r].score += SIBLING_SHARE * (pageScore[pageOf(results[r])] - results[r].score)
    return results.sort(function (a, b) { return b.score - a.score })
  }

  function pageOf(result) {
    return result.ref.split("#")[0]
  }

  function startsAny(terms, prefix) {
    for (var t = 0; t < terms.length; t++)
      if (terms[t].lastIndexOf(prefix, 0) === 0)
        return true
    return false
  }

  /* Material renders every result it gets (it marks the matched words in each and copies it),
     and the reader sees the first pages: the results after the first MAX_RESULTS sections,
     by score, are left out, and so are a page's sections after its first PER_PAGE, which would
     otherwise crowd the next pages out (a long note has dozens that match a common word). */
  var MAX_RESULTS = 30, PER_PAGE = 5
  function firstResults(results) {
    var kept = [], perPage = Object.create(null)
    for (var r = 0; r < results.length && kept.length < MAX_RESULTS; r++) {
      var page = pageOf(results[r])
      perPage[page] = (perPage[page] || 0) + 1
      if (perPage[page] <= PER_PAGE)
        kept.push(results[r])
    }
    return kept
  }

  /* A colon after a word that is not a field of the index separates words, as readers paste a
     header line (Content-Type: text/html). Lunr reads `word:` as "search the field word" and
     throws on a field it does not have, and Material's query transform drops such a word
     (Allow:) or, after a hyphen (Transfer-Encoding:), passes it on to throw: no results at all. */
  var lexField = lunr.QueryLexer.lexField
  lunr.QueryLexer.lexField = function (lexer) {
    var name = lexer.sliceString().slice(0, -1).toLowerCase()
    if (!index || index.fields.indexOf(name) >= 0)
      return lexField(lexer)
    /* A colon that ends a word (Allow:, or Allow:* after the transform adds its wildcard) is
       left out, so that the word and its wildcard stay one term */
    if (/^\**(\s|$)/.test(lexer.str.slice(lexer.pos))) {
      lexer.str = lexer.str.slice(0, lexer.pos - 1) + lexer.str.slice(lexer.pos)
      lexer.length--
      lexer.pos--
      return lunr.QueryLexer.lexText
    }
    return lunr.QueryLexer.lexTerm(lexer)
  }

  /* What a reader pastes from a shell (flask --app app run --debug, ~/.venv) is words, not
     Lunr's operators: `--` before a word throws (a second `-` where a word must follow), and so
     does `~` or `^` without the number of an edit distance or a boost after a word; the whole
     query then finds nothing. Those characters become blanks, so every position Material reads
     from the lexer stays where it was. */
  function withoutStrayOperators(text) {
    return text
      .replace(/(^|\s)(-{2,})(?=\S)/g, function (all, before, dashes) { return before + dashes.replace(/-/g, " ") })
      .replace(/[~^](?!\d+\*?(?:\s|$))/g, " ")
  }
  /* A Korean keyboard's full-width mode types Latin letters, digits and punctuation as their
     full-width forms (ＧＥＴ, ４０４) and the space as U+3000; the index has the ASCII forms, and
     the full-width ones were trimmed off as punctuation, leaving no word. Each maps to one
     character, so positions stay where they were. */
  function withoutFullWidth(text) {
    return text.replace(/[\uff01-\uff5e\u3000]/g, function (c) {
      return c === "\u3000" ? " " : String.fromCharCode(c.charCodeAt(0) - 0xfee0)
    })
  }
  var runLexer = lunr.QueryLexer.prototype.run
  lunr.QueryLexer.prototype.run = function () {
    this.str = withoutStrayOperators(withoutFullWidth(this.str))
    return runLexer.apply(this, arguments)
  }

  /* Material's worker makes every word of a quoted part required (+word). A learner who pastes a
     quoted line from an access log ("PUT /api/notes/1 HTTP/1.1" 428) or an error message means
     the line, not that every piece of it must be in one section, and found nothing: when the
     required words find nothing, the same words are searched as optional ones. */
  var REQUIRED = /(^|\s)\+(?=\S)/, EVERY_REQUIRED = new RegExp(REQUIRED.source, "g")

  /* A hyphen that ends a word (the x- of custom header x- prefix, Content- while typing) leaves
     the wildcard Material adds after the word as a clause of its own, `*`, which matches every
     word of the index: the query then ranked pages by chance. Such a clause says nothing. */
  function hasWord(clause) {
    return clause.term.replace(/\*/g, "") !== ""
  }
  lunr.Index.prototype.search = function (queryString) {
    var fields = this.fields, plan = null
    function parse(query) {
      new lunr.QueryParser(queryString, query).parse()
      query.clauses = query.clauses.filter(hasWord)
      plan = addPhraseClauses(query, fields)
    }
    var results = this.query(parse)
    if (!results.length && REQUIRED.test(queryString)) {
      queryString = queryString.replace(EVERY_REQUIRED, "$1")
      results = this.query(parse)
    }
    results = withSiblings(rerank(results, plan))
    memo = Object.create(null)
    return firstResults(results)
  }

  /* For tests and the benchmark */
  lunr.koQuery = { normalise: normalise, candidates: candidates, syllableVariants: syllableVariants }
})(typeof lunr !== "undefined" ? lunr : undefined)

/*
 * Lunr scores a match with the dot product of the query's vector (a few terms) and the field's
 * vector (every term of that field of that document, sorted by term index), walking both in
 * step: the cost grows with the field's length on every match. Here each query term is looked
 * up in the field's vector by binary search instead; the products are added in the same order,
 * so the score is the same to the last bit.
 */
;(function (lunr) {
  "use strict"
  if (typeof lunr === "undefined" || !lunr.Vector)
    return
  var dot = lunr.Vector.prototype.dot
  lunr.Vector.prototype.dot = function (other) {
    var mine = this.elements, theirs = other.elements
    if (theirs.length < 8 * mine.length)
      return dot.call(this, other)
    var sum = 0, low = 0, high = theirs.length / 2
    for (var i = 0; i < mine.length && low < high; i += 2) {
      var wanted = mine[i], lo = low, hi = high
      while (lo < hi) {
        var mid = (lo + hi) >> 1
        if (theirs[2 * mid] < wanted)
          lo = mid + 1
        else
          hi = mid
      }
      if (lo < high && theirs[2 * lo] === wanted) {
        sum += mine[i + 1] * theirs[2 * lo + 1]
        lo++
      }
      low = lo
    }
    return sum
  }
})(typeof lunr !== "undefined" ? lunr : undefined)

/*
 * Lunr 2.3.9's Index#query, for the usual query whose words are all optional (no `+word` or
 * `-word`), without the work that only required and prohibited words need: it builds a set of
 * the matching documents for every word and field, and an object for every match that it then
 * turns into a string and parses back. The steps, their order and so the results and their
 * scores are the same; any other query goes to Lunr's own code. One addition: a query with
 * `fieldWeights` (field -> factor, set for a sentence-long query above) has each field's score
 * multiplied by its factor.
 */
;(function (lunr) {
  "use strict"
  if (typeof lunr === "undefined" || !lunr.Index || !lunr.Query)
    return
  var query = lunr.Index.prototype.query
  var OPTIONAL = lunr.Query.presence.OPTIONAL
  var JOINER = lunr.FieldRef.joiner
  function add(a, b) { return a + b }

  lunr.Index.prototype.query = function (fn) {
    var built = new lunr.Query(this.fields)
    fn.call(built, built)
    for (var c = 0; c < built.clauses.length; c++)
      if (built.clauses[c].presence !== OPTIONAL)
        return query.call(this, function (q) { q.clauses = built.clauses })

    var queryVectors = Object.create(null), termFieldCache = Object.create(null)
    var matchingFields = Object.create(null), order = []
    for (var f = 0; f < this.fields.length; f++)
      queryVectors[this.fields[f]] = new lunr.Vector
    for (var i = 0; i < built.clauses.length; i++) {
      var clause = built.clauses[i]
      var terms = clause.usePipeline
        ? this.pipeline.runString(clause.term, { fields: clause.fields })
        : [clause.term]
      for (var m = 0; m < terms.length; m++) {
        clause.term = terms[m]
        var expanded = this.tokenSet.intersect(lunr.TokenSet.fromClause(clause)).toArray()
        for (var j = 0; j < expanded.length; j++) {
          var term = expanded[j], posting = this.invertedIndex[term]
          for (var k = 0; k < clause.fields.length; k++) {
            var field = clause.fields[k], fieldPosting = posting[field]
            queryVectors[field].upsert(posting._index, clause.boost, add)
            var termField = term + "/" + field
            if (termFieldCache[termField])
              continue
            for (var ref in fieldPosting) {
              var key = field + JOINER + ref, match = matchingFields[key]
              if (match === undefined) {
                matchingFields[key] = new lunr.MatchData(term, field, fieldPosting[ref])
                order.push(key, ref, field)
              } else {
                match.add(term, field, fieldPosting[ref])
              }
            }
            termFieldCache[termField] = true
          }
        }
      }
    }

    var results = [], matches = Object.create(null)
    for (var o = 0; o < order.length; o += 3) {
      var fieldRef = order[o], docRef = order[o + 1]
      var field = order[o + 2], weight = built.fieldWeights ? built.fieldWeights[field] : undefined
      var score = queryVectors[field].similarity(this.fieldVectors[fieldRef]) * (weight === undefined ? 1 : weight)
      var docMatch = matches[docRef]
      if (docMatch !== undefined) {
        docMatch.score += score
        docMatch.matchData.combine(matchingFields[fieldRef])
      } else {
        matches[docRef] = { ref: docRef, score: score, matchData: matchingFields[fieldRef] }
        results.push(matches[docRef])
      }
    }
    return results.sort(function (a, b) { return b.score - a.score })
  }
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
