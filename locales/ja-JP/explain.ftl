## 各パリティチェック（P001…P021）の詳しい説明と、その前後に表示する語句（日本語）。`codepub explain CODE` が表示し、
## docs/checks.md、SARIF のルールのヘルプ、マニュアルページにも同じ文章が使われる。ここの各 ID と属性は en-US/explain.ftl にも存在すること。

## 表示用の語句

explain-heading-compares = 比較する内容
explain-heading-why = 重要な理由
explain-heading-example = 例
explain-heading-fails = 指摘あり
explain-heading-passes = 指摘なし
explain-heading-config = 設定
explain-heading-accept = 指摘の承認
explain-severity = 既定の重大度：{ $severity }
explain-accept = 公表するテキストが指摘された箇所を意図してそのまま残す場合（採択された版がそうなっている場合）は、その指摘を承認します。`codepub check --accept CODE@ADDRESS --reason "…"`（位置は `codepub check` が `at` の後に示すもの。そのチェックが同じ位置で両言語に指摘を出す場合は `--accept-lang en` または `ja` も指定）で、指摘がベースラインに記録されます。ベースラインは `content/accepted.toml` です（codepub.toml の `[content]` の `baseline` で別のファイルを指定できます）。`[[accepted]]` のエントリーには、チェックのコード `check`、指摘の位置 `address`（`principle-3#2`）、問題のある言語 `lang`、指摘が報告する値 `values`（メッセージの値：食い違う数字、約物、用語）、指摘に抜粋があればその抜粋 `excerpt`（その箇所）、そして指摘とともに表示される理由 `reason` が書かれます。エディターの「この指摘を承認」アクションも同じエントリーを書きますが、理由は仮のもので、書き換えるまで報告されます。エントリーが承認するのは記録された指摘だけです。その指摘が変わると（別の数字、別の約物）、元の理由とともに再びエラーとして報告され、改めて承認するまで実行は失敗します。以後 `codepub check` は承認された指摘を承認済みとして示し、実行は失敗せず、`check --fix` もその箇所を変更しません。`--no-baseline` を付けると、新しい指摘として再び表示されます。`values` のない手書きのエントリーは、その位置のそのチェックの指摘をすべて承認するため、追加すべき `values` の行とともに報告されます。どの指摘にも一致しなくなったエントリーも報告されるので、ベースラインは常に実態と一致します。
explain-accept-example =
    check = "{ $code }"
    address = "principle-3#2"
    lang = "ja"
    values = ["…"]
    # excerpt = "…"
    reason = "公表どおり：採択された日本語版はこのとおりです。"
explain-list-heading = チェックの一覧（個々の説明は codepub explain CODE）：
explain-unknown = 不明なチェック { $code } です。一覧は `codepub explain` で表示できます
## チェック

explain-p001 = 条項が ID で両言語に対応している
    .compares = 見出しはそれぞれ一つの条項の始まりで、明示的な ID（`{"{"}#article-3{"}"}`）が必要です。見出しのない条項（裏表紙など）は、フロントマター（`+++ clause = "back-cover" +++`）で ID を宣言します。両言語の条項はこの ID で対応付けられ、codepub は、一方の言語にしかない条項、日本語で英語と異なる順序にある条項、ID のない見出し、文字のない見出し、そして最初の見出しがレベル 1 でない文書（タグ付き PDF（PDF/UA）ではレベル 1 が必要です）を報告します。ID のない見出しはその行番号（`line-12`）で示されて何とも対応しないため、それが訳している英語の条項も、日本語にないものとして報告されます。一つの言語で同じ ID を二度使うのは指摘ではなく入力エラー（E009）で、実行はそこで止まります。
    .why = 条項 ID は二つの言語版が共有するものです。他のすべてのチェック、ベースライン、翻訳記録、対訳版は、この ID を通じて本文を対応付けます。一方の言語に欠けた条項は、その言語版の読者の目に触れない規定になります。
    .fails-en = ## Article 3. Conflicts of interest {"{"}#article-3{"}"}
    Members shall avoid any situation in which their personal interests conflict with their duties.
    .fails-ja = ## 第3条　利益相反
    会員は、個人的な利益が職務と相反する状況を避けなければならない。
    .reported = error[P001]: 見出しに条項 ID がありません（`line-N`、N は日本語の見出しの行番号）、および error[P001]: 条項 `article-3` が日本語テキストにありません
    .passes-en = ## Article 3. Conflicts of interest {"{"}#article-3{"}"}
    Members shall avoid any situation in which their personal interests conflict with their duties.
    .passes-ja = ## 第3条　利益相反 {"{"}#article-3{"}"}
    会員は、個人的な利益が職務と相反する状況を避けなければならない。
    .config = このチェックに設定はありません。ID はソース自体に、両言語で同じものを書きます。既定の重大度は error で、`codepub check --fix` では修正されません。`{"{"}#id{"}"}` を手で追加または訂正してください。

explain-p002 = 段落とリストが一対一で対応している
    .compares = 条項（および脚注）の中では、英語の各段落・リスト・その他のブロックに、日本語のブロックがちょうど一つ、同じ順序で対応します。codepub は得られる最も確かな根拠でブロックを対応付けるので（まず翻訳記録、次に数、脚注参照、書式、用語集の用語、略語、カタカナ語、文の数。長さは同点のときの判定にだけ使います）、報告されるのは実際に欠けた、余分な、または移動したブロックです。報告するのは、対応のないブロック（位置は `article-4#2`、英語のない日本語のブロックは `article-4#ja2`。対応するブロックが入るべき、もう一方のファイルの行にも二つ目のラベルを付けます）、順序が入れ替わった隣り合う二つのブロック（両方を挙げた一件の指摘として）、リストと対になった段落、そして項目数の異なるリストです。条項全体が欠けている場合は P001 の指摘となり、対応のないブロックは、他のチェックは扱わずにこのチェックに任せます。
    .why = 翻訳で段落が抜けたり加わったりすると、公式テキストの内容が一方の言語でだけ変わり、段落ごとに両言語版を照らし合わせる読者は、そこから先を誤って読むことになります。
    .fails-en = ## Article 4. Confidentiality {"{"}#article-4{"}"}
    Members shall keep confidential any information obtained in the course of their duties.
    .fails-ja = ## 第4条　秘密保持 {"{"}#article-4{"}"}
    .reported = error[P002]: paragraph `article-4#1` に対応する日本語がありません（日本語ファイルの見出しの後に「`article-4#1` の日本語はここに入ります」というラベルが付きます）
    .passes-en = ## Article 4. Confidentiality {"{"}#article-4{"}"}
    Members shall keep confidential any information obtained in the course of their duties.
    .passes-ja = ## 第4条　秘密保持 {"{"}#article-4{"}"}
    会員は、職務上知り得た情報を秘密として保持しなければならない。
    .config = このチェックに設定はありません。翻訳記録（`codepub sign-off` が書く `content/translations.lock`）があれば、承認済みのブロックは確実に対応付けられます。記録がない場合、数・用語・書式を含まないブロックは、長さだけで対応付けられることがあります。既定の重大度は error で、`codepub check --fix` では修正されません。

explain-p003 = 脚注の参照と定義が一致している
    .compares = 脚注は Markdown の脚注（本文中の `[^1]` と、注の本体の `[^1]: …`）で、両言語の間でラベルによって対応付けられます。対になった見出し・段落・リストのそれぞれで、一方の言語の脚注参照は、もう一方にも同じ回数だけ現れなければなりません。さらに、どこにも定義されていない脚注への参照（Markdown では `[^label]` がそのまま文字として残ります）、定義されているのに参照されていない脚注、一方の言語でしか定義されていない脚注も報告します。
    .why = 脚注も公式テキストの内容の一部です。英語では規定を限定している注が日本語になければ、一方の版でだけ規定の範囲が変わります。また、注のない参照は余計な括弧として印刷されます。
    .fails-en = Members shall declare any conflict of interest to the Board.[^1]
    .fails-ja = 会員は、利益相反を理事会に申告しなければならない。
    .reported = 脚注 1 が両方のファイルで定義されている場合：error[P003]: 脚注参照 [^1] に対応するものが日本語の段落にありません。さらに、日本語の他の箇所でも参照されていなければ、error[P003]: 脚注 [^1] は定義されていますが参照されていません（日本語の定義の位置）
    .passes-en = Members shall declare any conflict of interest to the Board.[^1]
    .passes-ja = 会員は、利益相反を理事会に申告しなければならない。[^1]
    .config = このチェックに設定はありません。既定の重大度は error で、`codepub check --fix` では修正されません。参照についての指摘をベースラインで承認するときは、その参照を抜粋にします（`excerpt = "[^1]"`）。

explain-p004 = 数が値として一致している
    .compares = 対になった見出し・段落・リストの数は、表記にかかわらず値として読み取ります。算用数字（半角・全角）、漢数字、英語の数詞、分数、ローマ数字、リストの番号を読むので、`forty (40) days` は `四十日` に、`Article 13` は `第十三条` に、`two-thirds` は `三分の二` に、`(ii)` は `二、` に一致します。日付は日付として比較し（`23 February 2023` = `2023年2月23日` = `令和5年2月23日`。年のない `30 June` = `6月30日`）、区切りを含むその他の数字の並び（`11/2023`、ISBN、`1.5`）は表記どおりに比較します。URL の中の数字は数として読みません。数字を含むだけの語（`一般`、`統一`、`第三者`）、単独の `one` や `一`、語で書かれた序数（`the first session`）は読まず（ただし項・条・号・章・節を数える序数や数詞は読みます：`the second paragraph` と `paragraph two` = `第二項`）、リスト項目の番号は、両言語とも項目に番号を付けている場合にだけ比較します。もう一方の言語に等しい値のない数は、その数の位置で両方のファイルに報告します。規則の全体は例の後に示します。
    .why = 期限、定足数、議決要件、条項の参照、日付など、翻訳で数が変わると規定そのものが変わります。しかも、意味を追って読む校閲者が最も見落としやすい誤りです。
    .fails-en = The Board shall convene a general meeting within thirty (30) days of receiving the request.
    .fails-ja = 理事会は、請求を受けた日から二十日以内に総会を招集しなければならない。
    .reported = error[P004]: 数字が一致しません：日本語は 二十 (20)、英語は thirty (30)
    .passes-en = The Board shall convene a general meeting within thirty (30) days of receiving the request.
    .passes-ja = 理事会は、請求を受けた日から三十日以内に総会を招集しなければならない。
    .config = 何を数として読むかに設定はありません。既定の重大度は error で、`codepub check --fix` では修正されません。意図して異なる数は、英語の値と日本語の値を並べた指摘の抜粋で承認します（`excerpt = "30 | 20"`。一方にしかない数は `—`）。
    .details = 規則の全体は次のとおりです。
    - 算用数字（半角・全角）：`１２` = `12`、`1,000` = `1000`、`3万` = 30000。区切りを含む数字の並び（`11/2023`、`1.5`、ISBN）は表記どおりに比較します。
    - 漢数字（位取り `二〇二三`、または `千九百四十六`・`百三`・`三万五千` のような表記）は、語の一部でなく数であるときに読みます。`第` と 条 項 号 章 節 款 目 編 部 の間（`第十三条` = `Article 13`、`第二項` = `paragraph 2`、`第三号` = `item 3`）、助数詞や単位の前（日 年 人 名 回 歳 割 件 個 つ 倍 か月 時間 パーセント % …）、分数（`三分の二` = 2/3）と日付、リストの番号（行頭の `一、`、`（二）`）、単独の複合した数（`二十五`）です。したがって `一般`、`統一`、`一貫性`、`一連`、`第三者`、`一部`、`十分` は語として扱います。
    - 英語の数詞とその組み合わせ（`four`、`forty-five`、`one hundred and three`、`two thousand`）、分数（`two-thirds`、`one-half`、`a quarter`）、`twice`。`forty (40)` は一つの数です。
    - 編・章のローマ数字（`CHAPTER III` = `第三章`）とリストの番号（`(ii)`、`(iv)`、全角の `（ⅱ）`）はその値として読みます。`(h)`、`(u)`、`(w)` を含むリストの `(i)`、`(v)`、`(x)` は文字として扱います。
    - 数の 1 は紛れのない場合だけ読みます（`1`、`第一条`、`一、`、`(i)`、`one-third`、`one (1)`）。単独の `one` や `一`（`no one`、`一つの`、`一人`）は語であることが多すぎるためです。
    - 語で書かれた序数は読みません：`第一回` ↔ `the first session`、`third party` ↔ `第三者`。
    - リスト項目の番号（項目の先頭の `一　`、`（二）`、`(iii) `、`3.`）は、両言語とも項目に番号を付けている場合に比較します。一方だけの場合（法令は号を 一、二、三 と番号付けし、英訳は番号なしで並べる）、番号はリストの番号付けとみなして比較しません。項目内のその他の数は比較し、項目の過不足は P002 の指摘です。

explain-p005 = インラインの書式が一致している
    .compares = 対になった見出し・段落・リストのそれぞれで、強調（`*…*`）、太字（`**…**`）、インラインコード、リンクの数を数え、両言語で回数の異なる種類を報告します。リンクの数が同じときは、リンク先も（順序を問わず）同じでなければなりません。codepub.toml の対応付けで、英語のある種類を日本語の別の種類に対応させることができます。`emphasis` を `strong` に対応させると、英語のイタリックは日本語では太字であることが求められ（日本語の組版はイタリックを避けるため）、日本語のイタリックは一致しなくなります。
    .why = 公式テキストでは書式にも意味があります。太字は定義語を、イタリックは他の文書の題名を、リンクは参照先の文書を示します。定義語の標示が一方の版にしかなかったり、リンクが別の文書を指していたりすると、両言語版の内容が食い違います。
    .fails-en = In these Bylaws, **Member** means a person admitted to membership under Article 5.
    .fails-ja = この定款において「会員」とは、第5条の規定により入会を認められた者をいう。
    .reported = error[P005]: strong が英語で 1 回、日本語で 0 回使われています
    .passes-en = In these Bylaws, **Member** means a person admitted to membership under Article 5.
    .passes-ja = この定款において**会員**とは、第5条の規定により入会を認められた者をいう。
    .config = `[check.markup]` の `accepted` で、英語の種類を日本語の種類に対応させます（例：`accepted = [{"{"} en = "emphasis", ja = "strong" {"}"}]`）。種類は `emphasis`、`strong`、`code`、`link` です。対応付けがなければ、どの種類も同じ種類と一致しなければなりません。既定の重大度は error で、`codepub check --fix` では修正されません。

explain-p006 = 文末の句読点が一致している
    .compares = 対になった段落とリスト項目（見出しは対象外）の最後の記号が対応していなければなりません。`.` は `。`、`:` は `：`、`?` は `？`、`!` は `！`、`;` は `；`、`?!` と `!?` は `？！` または `！？`、記号なしは記号なしです。記号の後の閉じ括弧、引用符、強調、脚注参照は読み飛ばします。日本語の末尾が `．` や `｡`、または日本語の文字に接する ASCII の記号（`します.`、`「なぜISO?」`）であれば誤った字形として報告し、ラテン文字の後の ASCII の記号（`ISO/IEC Directives.`）は認めます。法令の慣行に従い、英語で `;`、`,` または記号なしで終わるリスト項目は日本語では `。` で終わってもよく、リストを導く `:` で終わる段落も同様です。英語が `;` で終わるリスト項目は、日本語では句読点なし（体言止め）で終わってもよく、英語の段落が URL で終わるときは記号なしとして扱い、日本語は `。` で終わっても記号なしでもかまいません。種類の異なる対や、項目数の異なるリストは P002 に任せます。
    .why = 文末の記号は、規定が完結しているのか、リストを導くのか、問いなのかを読者に伝えます。`。` のない日本語の文や欧文のピリオドで終わる文は、公式の版では未完成か校正漏れに見えます。
    .fails-en = Members shall act honestly and in good faith in all their dealings.
    .fails-ja = 会員は、すべての取引において誠実かつ信義に従って行動しなければならない
    .reported = error[P006]: 段落の末尾が英語では .、日本語では 句読点なし です（ヘルプ：英語が . で終わるので、日本語の末尾に 。 を付けてください）
    .passes-en = Members shall act honestly and in good faith in all their dealings.
    .passes-ja = 会員は、すべての取引において誠実かつ信義に従って行動しなければならない。
    .config = `[check.final_punctuation]` で、`statute_conventions = false` は法令の慣行を無効にし、`accept = [{"{"} en = ";", ja = "。", where = "list-item" {"}"}]` はプロジェクト独自の対応を追加します（`en` と `ja` は記号、または記号なしを表す `""`。`where` は `anywhere`（既定）、`paragraph`、`list-item`、`lead-in` のいずれか）。既定の重大度は error です。`codepub check --fix` は、誤った字形を日本語の字形に置き換え、欠けた記号を末尾の通常の文字の後に挿入します（閉じ括弧の後や強調の中には挿入せず、リスト項目の末尾に `。` を付けることもしません）。`:` を `。` と訳した場合のような異なる記号は、ヘルプに置き換えを示して報告するだけで、修正はしません。

explain-p007 = 日本語に半角の句読点がない
    .compares = 日本語テキスト（見出し、段落、リスト、脚注、裏表紙）では、日本語の文字に接する ASCII の `( ) , : ; ! ?` は全角の `（ ） 、 ： ； ！ ？` でなければならず（`!?` の組は一件の指摘。`**帰結**:` のように日本語が前のインラインにあっても同じです）、日本語の後の ASCII の `.` は `。` でなければなりません。日本語に接する全角の欧文記号 `．` と `，` は `。` と `、` にします（`１，０００` のように数字に挟まれたものは除きます）。半角カタカナの記号 `｡ ､ ｢ ｣ ･` は、どこにあっても誤りです。ラテン文字や数字の間の記号（`ISO, 2023`、`a) 序文`）はそのままにし、段落末尾の記号は P006 が判断します。
    .why = 日本語テキスト中の半角の句読点は、読者がすぐに気づく組版上の誤りです。日本語の文字の横では詰まって見え、行の字間が不揃いになり、公式の版が校正されていないように見えます。
    .fails-en = Members shall keep confidential information, including personal data, secure.
    .fails-ja = 会員は, 個人データを含む秘密情報を適切に管理しなければならない。
    .reported = error[P007]: 日本語テキスト中に半角の `,` があります（ヘルプ：`,` を `、` に置き換えてください）
    .passes-en = Members shall keep confidential information, including personal data, secure.
    .passes-ja = 会員は、個人データを含む秘密情報を適切に管理しなければならない。
    .config = このチェックに設定はありません。既定の重大度は error です。`codepub check --fix` はすべての指摘の置き換えを適用しますが、対になる括弧が半角のまま残る半角の括弧は除きます（片方だけ直すと括弧の対が崩れるため）。公表するテキストが残す半角の記号は、指摘の抜粋（記号とその前後最大二文字。例：`excerpt = "員は, 個"`）で承認します。

explain-p008 = 日本語が翻訳されている
    .compares = 日本語の見出し・段落・リストには、日本語の文字（かなまたは漢字）が含まれていなければなりません。全角の句読点やラテン文字は数えません。日本語の文字を含まないテキストは、英語と同じであれば未翻訳として、そうでなければ日本語を含まないものとして報告します。日本語を含まないのが正しいテキスト（名称、略語、ISBN）は、`check.untranslated.allow` の正規表現のいずれかに一致すれば認められます。パターンはテキストのどこに一致してもよいので、テキスト全体だけを認めるには `^…$` で固定してください。正しい正規表現でないパターンは一度だけ報告され、無視されます。
    .why = 日本語ファイルに残った英語の文は、日本語版で訳されていない規定です。新しい段落を仮に英語のまま写し、訳し忘れたときによく起こります。
    .fails-en = These Bylaws may be amended by a resolution of the General Assembly.
    .fails-ja = These Bylaws may be amended by a resolution of the General Assembly.
    .reported = error[P008]: 日本語テキストが英語と同じです：未翻訳です
    .passes-en = These Bylaws may be amended by a resolution of the General Assembly.
    .passes-ja = この定款は、総会の決議により変更することができる。
    .config = `[check.untranslated]` の `allow` にパターンを並べます（例：`allow = ["^ISO(/[A-Z]+)?$", "^ISBN [0-9-]+$"]`）。既定の重大度は error で、`codepub check --fix` では修正されません。

explain-p009 = 用語集どおりに訳されている
    .compares = 用語集には、英語の用語と、それを訳すべき日本語の用語を並べます。英語の見出し・段落・リストが用語を使っていれば、対になる日本語テキストにその日本語の用語が含まれていなければならず、日本語が用語集の用語を使っていれば、対になる英語にその英語の用語が含まれていなければなりません。英語の用語は単語全体として（用語の小文字は、語頭（文頭や、各語を大文字で始める見出し）またはすべて大文字の一致（THE COUNCIL）では大文字でもよく、後ろに `s`、`'s`、`’s` が続く形も。例：`Council's`。複数形の用語は単数形も。例：`stakeholders` に対する `multi-stakeholder`。ただし s、u、i の後の s は除きません：`consensus`）、日本語の用語はそのままの表記で探します（どちらも Unicode 正規化形式 C で読みます）。用語は読み手が数えるとおり、各位置で最も長いものを数えます。理事会 と 技術管理理事会 がどちらも用語なら、技術管理理事会 の中の 理事会 は数えません。複数の項目が同じ用語を持つときは、そのどれかの対訳があれば足ります。足りない用語は対ごとに一度、その用語の位置と、対訳があるべきブロックで報告します。
    .why = 公式テキストは機関名、文書名、定義語を一貫して用い、その翻訳も同様でなければなりません。同じ機関が二通りに訳されていると、別々の機関のように読めてしまいます。
    .fails-en = Members who become aware of a breach of these Bylaws shall report it to the Ethics Committee.
    .fails-ja = 会員は、この定款に違反する行為を知ったときは、倫理審査会に報告しなければならない。
    .reported = 用語集に `Ethics Committee` = `倫理委員会` がある場合：error[P009]: 用語集：「Ethics Committee」は「倫理委員会」と訳してください
    .passes-en = Members who become aware of a breach of these Bylaws shall report it to the Ethics Committee.
    .passes-ja = 会員は、この定款に違反する行為を知ったときは、倫理委員会に報告しなければならない。
    .config = 用語集は `content/glossary.toml` です（codepub.toml の `[content]` の `glossary` で別のファイルを指定できます）。各用語は、`en = "Ethics Committee"` と `ja = "倫理委員会"` を持つ `[[term]]` テーブルです（使ってはいけない用語は P022 で扱います）。既定の重大度は error ですが、英語のない日本語の用語は warning です。日本語の用語は長い語の一部であることが多いためです（電波法 の中の 電波）。このとき英語は大文字・小文字を問わずに探します（`code of conduct` があれば 行動規範 は対応しています）。`codepub check --fix` では修正されません。ベースラインのエントリーでは、用語集の用語を抜粋にします（`excerpt = "Ethics Committee"`、英語のない日本語の用語なら `excerpt = "倫理委員会"`）。

explain-p010 = ソースに余計な空白がない
    .compares = 両言語の Markdown ソースの全行を読み、空白だけの行、行末の空白、段落の行頭の空白（リストやコードブロックの字下げは Markdown の構文なので対象外）、見出し・段落・リストの中の二重の空白を報告します。各指摘は、その行を含むブロック、なければ次のブロックの位置で示します。行末の二つの空白で書いた Markdown の強制改行も行末の空白として数えるので、代わりに行末にバックスラッシュを書いてください。
    .why = ソース行の空白は、何も印刷されないか、目に見える隙間になります。二重の空白は英語版では広い隙間に、日本語では文字の間の余計な空白になり、行末の空白は意図しない改行になることがあります。
    .fails-en = Members shall disclose any conflict of interest to the Secretary-General.
    .fails-ja = 会員は、利益相反があるときは、  事務総長にこれを開示しなければならない。
    .reported = warning[P010]: 空白が二重になっています（`ときは、` の後の二つの空白）
    .passes-en = Members shall disclose any conflict of interest to the Secretary-General.
    .passes-ja = 会員は、利益相反があるときは、事務総長にこれを開示しなければならない。
    .config = このチェックに設定はありません。既定の重大度は warning で、指摘は表示されますが、`codepub check --deny-warnings` でエラーとして扱わない限り実行は失敗しません。`codepub check --fix` では修正されません。ベースラインのエントリーでは、指摘の種類を抜粋にします：`whitespace-line`、`trailing`、`leading`、`double-space`。

explain-p011 = 長さの比率が釣り合っている
    .compares = 英語が `min_chars` 文字以上ある、対になった段落とリスト（見出しは測りません）について、空白を除いた日本語の文字数を英語の文字数で割ります。プロジェクト全体でこの比率の中央値を求め、比率が中央値の `factor` 倍を超えて大きい対、または `factor` 分の一より小さい対を報告します。測定した対が三つ未満なら何も判断しません。中央値から大きく外れた比率は手がかりであって証拠ではありませんが、よくある原因は文の訳し漏れか二重訳です。
    .why = 長い段落から一文が抜けても、その対は他のすべてのチェックには正しく見えます。日本語が英語より少ないことを示すのは、多くの場合、長さだけです。
    .fails-en = Members shall avoid any conflict between their personal interests and the interests of the Association. Where such a conflict arises, they shall disclose it in writing to the Board without delay and shall not take part in any decision on the matter.
    .fails-ja = 会員は、個人の利益と本会の利益との相反を避けなければならない。
    .reported = プロジェクトの比率の中央値が 0.40 の場合：warning[P011]: 英語 208 文字に対し日本語は 31 文字です（比率 0.15、中央値 0.40）
    .passes-en = Members shall avoid any conflict between their personal interests and the interests of the Association. Where such a conflict arises, they shall disclose it in writing to the Board without delay and shall not take part in any decision on the matter.
    .passes-ja = 会員は、個人の利益と本会の利益との相反を避けなければならない。相反が生じたときは、遅滞なく書面で理事会に開示し、当該事項に関するいかなる決定にも加わってはならない。
    .config = `[check.length_ratio]` の `factor`（既定 `2.0`）は比率が中央値からどこまで離れてよいかを、`min_chars`（既定 `40`）は判断の対象とする英語の長さを決めます。`factor = 2.5` にすると、より自由な訳を許容します。既定の重大度は warning で、`codepub check --deny-warnings` でエラーとして扱わない限り実行は失敗しません。`codepub check --fix` では修正されません。

explain-p012 = リンク先が安全である
    .compares = 両言語のすべてのリンク先は、`http:` または `https:` の URL、`mailto:` のアドレス、相対参照（パス、または `#fragment`）のいずれかでなければなりません。それ以外のスキーム（`javascript:`、`data:`、`file:`、`vbscript:` など）のリンク先は報告され、各版ではリンクを外してリンクの文字だけを印刷します。
    .why = 公表する版に、コードを実行するリンクや個人のディスクを指すリンクがあってはなりません。`file:` のリンクは起草者のコンピューターでしか機能せず、HTML 版の `javascript:` や `data:` のリンクはすべての読者にとって危険です。
    .fails-en = The reporting form is available on the [Association's website](https://www.example.org/ethics/form).
    .fails-ja = 報告様式は[本会ウェブサイト](file:///S:/ethics/form.docx)から入手できます。
    .reported = error[P012]: リンク先 `file:///S:/ethics/form.docx` は許可されていないため、各版から除かれます（さらに P005 がリンク先の違いを報告します）
    .passes-en = The reporting form is available on the [Association's website](https://www.example.org/ethics/form).
    .passes-ja = 報告様式は[本会ウェブサイト](https://www.example.org/ethics/form)から入手できます。
    .config = 許可するスキームに設定はありません。既定の重大度は error で、`codepub check --fix` では修正されません。

explain-p013 = 翻訳が承認済みで最新である
    .compares = `codepub sign-off` が書く翻訳記録には、対になった各見出し・各ブロックについて、訳の元になった英語のフィンガープリント、承認時の日本語のフィンガープリント、その英語のテキストが記録されます。承認後に英語が変更された対を「原文変更」として（指摘には承認時と現在の英語、両者の差分、承認時の日本語が示されます）、承認後に日本語が変更された対を「訳文更新済み・確認待ち」として、一度も承認されていない対を未承認として報告します。フィンガープリントは空白を正規化し、Unicode 正規化形式 C にしたソーステキストから計算するので、語句・書式・句読点の変更は数えられ、行の折り返しの変更や、分解された形での保存（P017）は数えられません。翻訳記録のないプロジェクトは検査しません。
    .why = 公式テキストの英語が改正されたら、影響を受ける訳はすべて見直さなければなりません。翻訳記録は見直し待ちの訳を明らかにし、改正前の英語を訳した日本語のまま版が公表されることを防ぎます。
    .fails-en = ## Article 6. Gifts {"{"}#article-6{"}"}
    Members shall disclose in writing any gift or hospitality received in connection with their duties.
    .fails-ja = ## 第6条　贈答 {"{"}#article-6{"}"}
    会員は、職務に関連して受けた贈答を開示しなければならない。
    .reported = 英語が「Members shall disclose any gift received in connection with their duties.」だったときに日本語が承認されている場合：error[P013]: 原文変更：日本語の承認後に英語が変更されました（位置 `article-6#1`。承認時の英語、現在の英語、両者の単語単位の差分、承認時の日本語、「見直し後：codepub sign-off article-6」が併せて示されます）
    .passes-en = ## Article 6. Gifts {"{"}#article-6{"}"}
    Members shall disclose in writing any gift or hospitality received in connection with their duties.
    .passes-ja = ## 第6条　贈答 {"{"}#article-6{"}"}
    会員は、職務に関連して受けた贈答又は接待を書面により開示しなければならない。
    .config = 翻訳記録は `content/translations.lock` です（codepub.toml の `[content]` の `lock` で別のファイルを指定できます）。見直しの後、`codepub sign-off article-6` で、指定した条項（指定しなければすべての条項）を記録します。上の訂正後の対は、記録されると指摘されなくなります。`codepub xliff import --sign-off` は取り込んだ訳を記録し、`codepub status` は条項ごとに各状態（最新・原文変更・訳文更新済み・確認待ち・未承認・欠落）の対を数えます。他のエラーがある対の承認は、`--force --reason` を付けない限り拒否されます。既定の重大度は error で、`codepub check --fix` では修正されません。`codepub check --changed-since REV` でも、P013 はすべての条項について報告されます。

explain-p014 = 版情報が codepub.toml と一致している
    .compares = 各言語の裏表紙（フロントマターで `kind = "colophon"` と宣言した条項）を、codepub.toml の版情報と一行ずつ照らし合わせます。`copyright` がその言語に指定する著作権表示は、すべてそのとおりに印刷されていなければなりません。それに似た行（60 % 以上一致）は誤記としてその行の位置に、欠けている行は裏表紙の `clause =` キーの位置に報告します。`isbn` が指定されていれば、裏表紙には `ISBN`、空白、その番号が印刷されていなければならず、ほかの ISBN があってはなりません。それ以外の行（「All rights reserved」、住所など）は自由です。
    .why = 裏表紙は版の法的な身元を示します。登録した番号と異なる ISBN や、合意した文言と異なる著作権表示は、印刷したすべての部数と図書館の目録に残ります。
    .fails-en = ISBN 978-4-902115-73-4
    .fails-ja = ISBN 978-4-902115-37-4
    .reported = codepub.toml に `isbn = "978-4-902115-73-4"` があり、`copyright` がない場合：error[P014]: 裏表紙の ISBN は 978-4-902115-37-4 ですが、codepub.toml では 978-4-902115-73-4 です
    .passes-en = ISBN 978-4-902115-73-4
    .passes-ja = ISBN 978-4-902115-73-4
    .config = codepub.toml の `[edition]` の `isbn = "978-4-902115-73-4"` と `copyright = {"{"} en = ["© Japan Ethics Association, 2024"], ja = ["© 日本倫理協会 2024"] {"}"}` で、裏表紙に印刷すべきものを指定します。指定がなければ何も検査しません。既定の重大度は error で、`codepub check --fix` では修正されません。

explain-p015 = すべての文字を印刷できる
    .compares = 両言語のソースのすべての文字（見出し、コード、裏表紙を含む）に、PDF 版の組版に使うフォント（同梱フォントと、`--font-path` で指定したフォルダーのフォント）のいずれかのグリフがなければなりません。どのフォントにもない文字（絵文字、`﷽` のようなアラビア文字の合字、ハングル、白抜きの丸括弧 `⦅⦆`）を、行と桁、コードポイント、試したフォントとともに報告します。同梱フォントは JIS X 0208、JIS X 0213、CP932 の人名用の異体字（`髙`、`﨑`）と `𠮷` を収録しています（fonts/README.md を参照）。`pdf` 機能なしでビルドした codepub は読むフォントがないため、何も報告しません。
    .why = どのフォントにもない文字は、PDF 版では空の四角として印刷されるか、まったく印刷されません。公式テキストではそれが人名の一部や文の意味を左右する記号であることもあり、組版の前に見つけておくべきです。
    .fails-en = Reports may also be made by telephone to the ethics hotline (0120-123-456).
    .fails-ja = 倫理ホットライン（📞 0120-123-456）に電話で通報することもできる。
    .reported = error[P015]: 「📞」（U+1F4DE）を印刷できるフォントがありません（「試したフォント：」に続いてフォントファミリーが示されます）
    .passes-en = Reports may also be made by telephone to the ethics hotline (0120-123-456).
    .passes-ja = 倫理ホットライン（0120-123-456）に電話で通報することもできる。
    .config = codepub.toml にこのチェックの設定はありません。`codepub check --font-path DIR`（複数指定可）は、`codepub build --font-path DIR` と同じく DIR のフォントも数に入れます。既定の重大度は error で、`codepub check --fix` では修正されません。

explain-p016 = ソースに隠れた文字がない
    .compares = 両言語の Markdown ソースのすべての文字（見出し、ID、リンク先、コード、フロントマターを含む）を読み、ソースを読む人に見えない 3 種類の文字を報告します。制御文字（タブと改行を除く C0、DEL、C1。NUL や、端末のエスケープシーケンスを始める ESC など）、双方向制御文字（埋め込み・上書き・分離の U+202A–U+202E と U+2066–U+2069、マークの U+200E、U+200F、U+061C）、見えない文字（ゼロ幅スペース U+200B、ゼロ幅非接合子と接合子 U+200C と U+200D、単語結合子 U+2060、不可視演算子 U+2061–U+2064、本文中の U+FEFF、ソフトハイフン U+00AD）です。それぞれを行と桁、コードポイント、文字名とともに報告します。異体字セレクター（U+FE00–U+FE0F と、人名用漢字の字形を選ぶ U+E0100–U+E01EF）は文字として扱い、絵文字の中のゼロ幅接合子も報告しません。
    .why = 見えないものは確認できません。右から左への上書きは、版に印刷される内容と異なる順序で文を表示させます。語の中のゼロ幅スペースやソフトハイフンは、その語を用語集のチェックやあらゆる検索から隠します。制御文字は印刷できず（PDF の書き出しが失敗します）、端末に表示されるとウィンドウのタイトルを書き換えたり行を消したりします。codepub 自身の端末向けの報告では、こうした文字を `\u{"{"}1b{"}"}` のようなエスケープで示し、そのまま出力することはありません。
    .fails-en = Members shall declare any conflict of interest to the Board.
    .fails-ja = 会員は、{"\u200B"}利益相反を理事会に申告しなければならない。
    .reported = error[P016]: ソースに見えない文字 U+200B（ZERO WIDTH SPACE）があります（何も見えない `会員は、` の直後。「削除してください。`codepub check --fix` で削除されます」というヘルプが示されます）
    .passes-en = Members shall declare any conflict of interest to the Board.
    .passes-ja = 会員は、利益相反を理事会に申告しなければならない。
    .config = codepub.toml にこのチェックの設定はありません。既定の重大度は error です。`codepub check --fix` は、削除しても安全な文字を削除します。行を分けてよい位置を示すだけのゼロ幅スペース、単語結合子、U+FEFF、ソフトハイフン（各版は自分で行を分けます）と、英語も日本語も左から右に書くため、埋め込み・上書き・分離の制御文字です。何を表していたか分からない制御文字、右から左に書く引用で必要になりうる双方向マーク、一部の文字体系の字形を決める接合子と非接合子は削除しません。意図して残す指摘は、コードポイントを抜粋として受け入れます（`excerpt = "U+200F"`）。受け入れた制御文字があっても、PDF の書き出しは失敗します。

explain-p017 = ソースが Unicode 正規化形式 C である
    .compares = 両言語の Markdown ソースは、すべて Unicode 正規化形式 C（NFC）でなければなりません。NFC では `が` は 1 文字で、`か` と結合用濁点 U+3099 の 2 文字ではなく、`é` も `e` と U+0301 ではなく 1 文字です。エディター、入力システム、翻訳ツールによっては、テキストを分解した形（NFD）で保存します。codepub はすべてのソースを NFC として読むため、ID、用語集、翻訳記録、他のチェック、各版は合成済みのテキストを見ており、分解されたファイルによってそれらが変わることはありません。このチェックはファイルそのものを、最初の分解された文字の位置で、その数とともに 1 回だけ報告します。CJK 互換漢字（U+F900–U+FAFF と U+2F800–U+2FA1F）は書かれたまま扱い、正規化も報告もしません。NFC では `{"\uFA19"}`（U+FA19）が `神`（U+795E）に置き換わり、印刷される字形が変わるためです。
    .why = 分解されたテキストは見た目は同じでも、codepub 以外のすべてのツールにとっては別の文字列です。`がくせい` で検索しても見つからず、別の形で保存し直すと差分ではすべての行が変更されたように見え、そこから写した ID や用語は一致しなくなります。NFC で保存すれば、ソースはどこでも同じように読めます。
    .fails-en = Members shall declare any conflict of interest to the Board.
    .fails-ja = 会員は、利益相反か{"\u3099"}ある場合は、理事会に申告しなければならない。
    .reported = warning[P017]: content/ja/10-code.md は Unicode 正規化形式 C（NFC）ではありません。分解された文字が 1 箇所あり、最初はここです（`が` の位置。「codepub はこれを「が」として読みます」という注記が示されます）
    .passes-en = Members shall declare any conflict of interest to the Board.
    .passes-ja = 会員は、利益相反がある場合は、理事会に申告しなければならない。
    .config = codepub.toml にこのチェックの設定はありません。既定の重大度は warning で、指摘は表示されますが、`codepub check --deny-warnings` でエラーとして報告しない限り、実行は失敗しません。`codepub check --fix` は、ファイルの最初の分解された文字から最後の分解された文字までを NFC で書き換えます（その間に P016 の修正がある場合は、そちらが先に適用され、次の `--fix` でこの修正が行われます）。ベースラインで受け入れる指摘は、ファイルの最初の分解された文字の位置をアドレスとし、抜粋を持ちません。

explain-p018 = 括弧と引用符が対になっている
    .compares = 各言語で、見出し、段落または箇条で開いた括弧と引用符は、その中で閉じなければなりません。対象は ( ) と （ ）、[ ] と ［ ］、「 」、『 』、【 】、〔 〕、〈 〉、《 》、“ ” と ‘ ’ です。箇条は 1 つずつ独立して扱うため、ある箇条で開いて次の箇条で閉じた括弧は報告します。コードスパンとリンク先は読まず、開きか閉じかを示さない直線引用符 " と ' は対象外です。’ はアポストロフィでもあるため、2 つの文字の間（ISO’s）では常にアポストロフィとし、それ以外では ‘ が開いているときだけ閉じ引用符とします（members’ だけならアポストロフィです）。語頭の列挙記号の直後にあって何も閉じない )（section b) above、イ））は列挙記号の一部とします。閉じられていない括弧と余分な括弧は、その行と列で報告します。幅の異なる 2 つで対になった括弧 (…） も報告し、その言語の形でない側を、英語では半角、日本語では全角に書き換えます（日本語で日本語のテキストに接する半角の側は、同じ修正を持つ P007 の指摘です）。両言語の間では、見出しまたはブロックの丸括弧で囲んだ語句（( ) と （ ） を合わせて数えます）の数が、どちらにも対になっていない括弧がない場合に、英語と日本語で同じでなければなりません。数や列挙記号だけを囲む丸括弧（forty (40) days、item (iv)）は起草上の慣習であり、数えません。引用符は言語間では比較しません。英語の “…” と日本語の「…」は一対一に訳されないためです。
    .why = 閉じられていない括弧があると、補足や引用がどこで終わるのか読み手にはわからず、公式文書では規定の範囲が変わることもあります。一方の言語にしかない補足は、片方でだけ訳されたか落とされた文の一部です。
    .fails-en = Members shall declare any conflict of interest (financial or personal) to the Board.
    .fails-ja = 会員は、「利益相反（金銭的なものか個人的なものかを問わない）を理事会に申告しなければならない。
    .reported = warning[P018]：`「` が閉じられていません。この見出し、段落または箇条の中に `」` がありません（`「` の位置に表示されます）
    .passes-en = Members shall declare any conflict of interest (financial or personal) to the Board.
    .passes-ja = 会員は、利益相反（金銭的なものか個人的なものかを問わない）を理事会に申告しなければならない。
    .config = codepub.toml にこのチェックの設定はありません。既定の重大度は warning で、指摘は表示されますが、`codepub check --deny-warnings` でエラーとして報告しない限り、実行は失敗しません。`codepub check --fix` が修正するのは幅の異なる括弧の対だけです。閉じられていない括弧や余分な括弧には、ひとつに決まる修正がありません。意図的に残す指摘（翻訳で加えた補足、複数の箇条にまたがる引用）は、括弧とその前後の数文字を抜粋として受け入れます。

explain-p019 = 同じ語を続けて書かない
    .compares = 両言語のテキストで、同じ英単語が大文字小文字を問わず続けて 2 度書かれているもの（the the、The the、of of）を報告します。間にあるのが空白か改行だけの場合に限り、句読点があれば別の語として扱うため、文の終わりをまたぐ繰り返しは報告しません。意図的な繰り返し（that that、had had、is is、do do と設定した語）は報告しません。日本語では、語の一部になりえない位置で重複した助詞（をを、のの、にに、がが、はは、でで、とと、もも、へへ）を報告します。漢字、カタカナ、ラテン文字、数字または閉じ括弧の直後にあり、その後がひらがなでない場合です。すもももももももものうち、今日ははやく、ではは は報告しません。ひらがなの後で重複した助詞（ことをを）は、かなの語と区別できないため報告しません。コードスパンは読みません。
    .why = 語の重複は、読み直されなかった編集で最もよく起こる誤りで、文の意味を知っている読み手には見えません。公表される公式文書では不注意に見えます。
    .fails-en = Members shall declare any conflict of interest to the the Board.
    .fails-ja = 会員は、利益相反を理事会にに申告しなければならない。
    .reported = warning[P019]：同じ単語が繰り返されています：「the the」（英語）と、warning[P019]：助詞 `にに` が重複しています（日本語）。いずれも 2 つ目を削除する修正が付きます
    .passes-en = Members shall declare any conflict of interest to the Board.
    .passes-ja = 会員は、利益相反を理事会に申告しなければならない。
    .config = codepub.toml の `[check.repeated]` に `allow = ["very", "bye bye"]` と書くと、続けて 2 度書いてよい英単語（語そのもの、または 2 度繰り返した形）が that、had、is、do に加わります。既定の重大度は warning です。`codepub check --fix` は、両方の語がソースにそのまま書かれている場合、2 つ目（とその前の空白）を削除します。

explain-p020 = 識別子が両言語にある
    .compares = 各見出し、段落、リストとその対で、翻訳でもそのまま書く識別子を比べます。本文中の URL とメールアドレス（リンクの表示テキストとリンク先は P005 の対象）、2 文字以上の大文字の略語（ISO、ISO/CS、NGOs は NGO として）、規格番号（略語、場合により 1 文字、番号：ISO 9001:2015、ISO/IEC 27001、JIS Q 9001、ISO9001 とも）です。全角の文字（ＩＳＯ　９００１）は半角と同じものとみなします。一方の言語の識別子がもう一方にない場合、ブロックごとに 1 回、識別子の位置と、それがないブロックの位置を示して報告します。複合の略語は、各部分があればあるものとみなし（ISO/IEC なら ISO と IEC）、略語は複合の略語や規格番号の中にあってもあるものとみなします（ISO/CS の中の ISO）。識別子とみなさないもの：大文字で書いた英語（全体が大文字の行、大文字の長い語が 2 語以上続くもの：RIGHTS AND DUTIES）、角括弧で囲んだ差し込み用の語句（[INSERT CONTACT METHOD]）、大文字で書いた要件や見出しの語（SHALL、MUST、NOT、NOTE、CHAPTER）、ローマ数字（III。P004 が数として読みます）。
    .why = 日本語訳でも、機関名、アドレス、参照先は元の表記のまま残します。一方の言語にしかない略語、アドレス、規格番号は、翻訳で参照が落ちたか、加わったか、変わったもので、もう一方の版の読み手はその参照をたどれません。
    .fails-en = Concerns are reported to the ISO/CS Ethics Officer.
    .fails-ja = 懸念は、中央事務局の倫理担当者に報告する。
    .reported = warning[P020]：「ISO/CS」は英語にありますが、日本語にありません（英語の `ISO/CS` と日本語の段落の位置に表示されます）
    .passes-en = Concerns are reported to the ISO/CS Ethics Officer.
    .passes-ja = 懸念は、ISO/CS の倫理担当者に報告する。
    .config = `[check.identifiers]` の `allow` に、どちらかの言語にだけあってよい識別子を並べます。それぞれ、指摘に示される識別子全体と照合する正規表現で、識別子をそのまま書けばそれ自体に一致します（`allow = ["ISO/CS", "TC [0-9]+"]`）。翻訳では略語を書き下すこともある（ISO/CS を中央事務局とする）ため、既定の重大度は warning で、指摘は表示されますが、`codepub check --deny-warnings` でエラーとして報告しない限り、実行は失敗しません。`codepub check --fix` では修正されません。ベースラインのエントリーでは、識別子を抜粋にします（`excerpt = "ISO/CS"`）。

explain-p021 = 同じテキストが同じように訳されている
    .compares = プロジェクト全体で、各見出し、段落、箇条とその対を区切って比べます。両言語の箇条の数が同じなら箇条ごとに、さらに両言語の文の数が同じなら文ごとに（英語は `.`、`?`、`!` と空白の後で。ただし略語や数字の後は除く。日本語は `。`、`？`、`！` の後で）、そうでなければ箇条やブロック全体を一つとして扱います。空白はまとめて比べます。同じ英語に 2 通り以上の日本語訳があるもの、一つの日本語が 2 通り以上の異なる英語の訳になっているものを報告します。それぞれのまとまりは 1 回だけ、最初の出現と異なる最初の出現の位置で、最初の出現といくつかの後の出現にラベルを付けて報告します。同じテキストを何度同じように訳しても指摘されません。
    .why = 翻訳メモリーやレビュー担当者は、一つのテキストに一つの訳語を期待します。同じ規定が 2 通りに訳されていると二つの規定のように読め、二つの規定が同じに訳されていると一つの規定のように読めます。Xbench や Verifika などの翻訳品質チェックツールも同じことを報告します。
    .fails-en =
        - Declare any conflict of interest.
        - Protect confidential information.
        - Declare any conflict of interest.
    .fails-ja =
        - 利益相反を申告する。
        - 機密情報を保護する。
        - 利害の衝突を届け出る。
    .reported = warning[P021]：同じ英語がプロジェクト内で 2 通りに訳されています：「Declare any conflict of interest.」（3 番目の箇条の位置に、最初の出現へのラベルとともに表示されます）
    .passes-en =
        - Declare any conflict of interest.
        - Protect confidential information.
        - Declare any conflict of interest.
    .passes-ja =
        - 利益相反を申告する。
        - 機密情報を保護する。
        - 利益相反を申告する。
    .config = codepub.toml にこのチェックの設定はありません。既定の重大度は warning で、指摘は表示されますが、`codepub check --deny-warnings` でエラーとして報告しない限り、実行は失敗しません。`codepub check --fix` では修正されません。意図的な違いは、指摘に示される位置で、テキストの冒頭を抜粋として受け入れます。

# P026 enumerations
explain-p026 = 列挙の項目数が両言語で同じ
    .compares = 各見出し、段落、箇条の文中の列挙を両言語で比べます。英語では、コンマ（1,000 のコンマは除く）で区切られ、最後の項目が and、or、nor で始まるもの（A, B, and C）か、その前の項目とつながっているもの（A, B and C）、またはセミコロンで区切られ、最後の項目が and か or で始まるもの。日本語では、`、` で区切られ、最後の項目が 及び、並びに、又は、若しくは、その他（かな書きも含む）で始まるもの、またはそれらや「や」「と」でその前の項目とつながっているもの（A、B及びC）、そして `・` でつないだ語（カタカナの名前の `・` は除く）。括弧内では、どちらの言語でも、接続詞のないコンマや `、` の区切りも列挙とみなします。最初の項目以外は短いもの（英語は 6 語以内、日本語は 20 字以内で、名詞のように終わるもの）に限るので、項目内の and（gender identity and expression）で項目を分けることはなく、節の後の `、`（私たちは、）は列挙の区切りになりません。接続詞を含む項目は一つとも二つとも数えられるので、各列挙を両方の数え方で数えます。段落、見出し、箇条（同じ順番の箇条どうし。箇条の数が異なるリストは P002 の指摘です）ごとに各言語で最も長い列挙を比べ、両方とも `min_items` 以上の項目があり、どちらの数え方でも同じ側の列挙が長いとき、両方の列挙の位置で報告します。終わりが開いている列挙（etc.、等、など、e.g.）は比べません。
    .why = 列挙は、誰にも気づかれずに翻訳から項目が抜け落ちやすい箇所です。文としては問題なく読めてしまうからです。コントリビューター行動規範のある日本語訳は、英語の誓約が挙げる 16 の特性のうち 13 しか挙げていません。
    .fails-en = We welcome everyone, regardless of age, disability, ethnicity,
    education, nationality, or religion.
    .fails-ja = 年齢、障害、民族性、国籍、または宗教に関係なく、すべての人を歓迎します。
    .reported = warning[P026]：英語では 6 項目の列挙が、日本語では 5 項目になっています（両方の列挙の位置に表示されます）
    .passes-en = We welcome everyone, regardless of age, disability, ethnicity,
    education, nationality, or religion.
    .passes-ja = 年齢、障害、民族性、教育、国籍、または宗教に関係なく、すべての人を歓迎します。
    .config = codepub.toml の `[check.enumerations]` の `min_items = 4`（既定値。2 以上）で、比べる両方の列挙が持つべき最小の項目数を設定します。既定の重大度は warning です。項目のまとめ方や書き分け方が違うと、何も欠けていなくても項目数が異なるためです。`codepub check --fix` では修正されません。意図的な違いは、指摘に示される位置で、両方の項目数を値として受け入れます。

# P023 partly-untranslated
explain-p023 = 日本語に英語の文が残っていない
    .compares = 日本語の文字を含む日本語の見出し、段落、箇条、脚注（日本語の文字がないものは P008 が報告します）を、日本語でない部分の連なりに区切ります（かな、漢字、和文と全角の約物、コードスパンで区切り、URL とメールアドレスでも区切ります）。連なりの語はラテン文字の語で、数字や `ISO/CS`、`9001:2015` のようなものは数えません。文として読める連なりを報告します。すなわち、`min_words` 語以上で、小文字の機能語（`the`、`of`、`shall` など）と、機能語でない小文字の語を含むもの、または機能語でない小文字の語を含む 3 語以上で、対の英語にそのまま（大文字小文字と空白の違いを除いて）あるものです。タイトルケースの名称や題名（`International Organization for Standardization`）、略語、規格番号、ローマ字の人名は報告しません。かぎ括弧（「」、『』、“”）の中の連なりや、リンクのテキスト全体である連なりは、英語にもあれば引用された題名として指摘しません。丸括弧の中の連なりは用語の原語の併記とみなし、それだけで文として読める場合に限って報告します。指摘は連なりの位置と、英語に同じテキストがあればその位置に表示されます。
    .why = 原文から貼り付けたまま訳されなかった文や、翻訳ツールが残した文は、前後の日本語に紛れて完成した訳に見えるため、日本語版だけを読む読者はその内容を読み落とします。翻訳品質チェックツールも、セグメント内に訳されずに残ったテキストを同じ理由で報告します。
    .fails-en = We act with integrity.
    .fails-ja = 私たちは誠実に行動します。We act with integrity.
    .reported = warning[P023]：日本語が英語の「We act with integrity」を訳さずにそのまま残しています（両方のファイルの位置に表示されます）
    .passes-en = We act with integrity.
    .passes-ja = 私たちは誠実に行動します。
    .config = codepub.toml の `[check.partly_untranslated]` で設定します。`min_words = 4`（既定値）で、文として読む連なりに必要な語数を設定します。`allow = ["Terms of .*"]` には、プロジェクトが意図的に英語のまま残すものの正規表現を並べ、それぞれを指摘に示される連なり全体と照合します。正しくないパターンは codepub.toml への指摘として報告します。既定の重大度は warning です。日本語の文が意図的に英語を引用することもあるためです。`codepub check --fix` では修正されません。意図的に残す連なりは、指摘に示される位置で、その連なりを値として受け入れます。

# P024 patterns
explain-p024 = プロジェクト独自のパターンに合う箇所がない
    .compares = プロジェクト独自のチェックリストです。codepub.toml の `[[check.patterns]]` の各規則は正規表現で、その言語の本文（見出し、段落、箇条（一つずつ）、脚注、裏表紙）で検索します。コードスパン、リンク先、脚注の参照は読みません。空の一致と、コードスパンにかかる一致は除きます。一致するたびに、その位置で指摘し、もう一方の言語の対の見出しやブロックにもラベルを付けます。
    .why = 表記の基準には、一般的なチェックでは分からない規則があります。漢字でなくかなで書く語、もう使わない用語、つづりなどです。パターンとして一度書いておけば、翻訳品質チェックツールのチェックリストのように、実行のたびに確かめられます。
    .fails-en = Please contact the secretariat.
    .fails-ja = 事務局に連絡して下さい。
    .reported = error[P024]：write ください in kana（kana-kudasai）：「下さい」（`codepub check --fix` で修正されます）
    .passes-en = Please contact the secretariat.
    .passes-ja = 事務局に連絡してください。
    .config = 各規則は codepub.toml の `[[check.patterns]]` の表です。例では次の規則を使います：
    `lang = "ja"`
    `pattern = "下さい"`
    `message = "write ください in kana"`
    `replace = "ください"`
    `name = "kana-kudasai"`
    `lang` は `en`、`ja`、`both` のいずれか、`pattern` は正規表現（Rust の `regex` クレートの構文）、`message` は指摘のメッセージ、またはインターフェース言語ごとのメッセージの表 `{"{"} en = "…", ja = "…" {"}"}` です。`severity` は `error`（既定値）か `warning`、省略できる `replace` は、ソースにそのまま書かれている一致に `codepub check --fix` が適用する修正（`$1` でグループを参照）、省略できる `name` はメッセージとともに表示され、ベースラインに記録されます。正しい正規表現でないパターンは codepub.toml への指摘として報告し、その規則は使いません。`lang` や `severity` がこれら以外のときは、codepub.toml のその行のエラーになります。意図的に残す一致は、指摘に示される位置で `values = [名前, 一致したテキスト]` として受け入れます（名前のない規則ではパターンが名前の代わりです）。

# P022 terms：禁止語と非推奨語。
explain-p022 = 禁止語・非推奨語を使っていない
    .compares = 用語集には、どちらかの言語で使ってはいけない用語を、代わりに使う用語とともに挙げられます。両言語のすべての見出し・段落・リスト・脚注と裏表紙からそれを探します。英語の用語は単語全体として（用語の小文字は、語頭（文頭や、各語を大文字で始める見出し）またはすべて大文字の一致（THE COUNCIL）では大文字でもよく、後ろに `s`、`'s`、`’s` が続く形も）、日本語の用語は書かれたとおりに探します。同じ言語の承認された用語（用語集の用語、または代わりに使う用語）の中にある出現は報告しません。たとえば 評議会 を禁止しても、技術管理評議会 が用語集の用語なら、そこは報告しません。禁止語の一方が他方を含むときは、長いほうを報告します。
    .why = 用語の管理は、使うべき語だけでなく、使ってはいけない語も対象です。改称前の名称、直訳調の語、他の機関が別の意味で使う語などです。用語管理者はこれらを禁止語・非推奨語として記録します（TBX の規範的ステータス）。長いテキストで目視に頼ると見落としが出ます。
    .fails-en = Members who become aware of a breach of these Bylaws shall report it to the Ethics Committee.
    .fails-ja = 会員は、この定款に違反する行為を知ったときは、倫理審査会に報告しなければならない。
    .reported = 用語集に `en = "Ethics Committee"`、`ja = "倫理委員会"`、`ja_forbidden = ["倫理審査会"]` の項目がある場合：error[P022]: 「倫理審査会」は禁止語です（「倫理委員会」に置き換えるよう案内します）
    .passes-en = Members who become aware of a breach of these Bylaws shall report it to the Ethics Committee.
    .passes-ja = 会員は、この定款に違反する行為を知ったときは、倫理委員会に報告しなければならない。
    .config = 用語は用語集（`content/glossary.toml`、または codepub.toml の `[content]` の `glossary` で指定したファイル）に書きます。`[[term]]` の項目に `en_forbidden`、`ja_forbidden`、`en_deprecated`、`ja_deprecated` を書くと、その用語の代わりに使ってはいけない語を挙げられます（例：`ja_forbidden = ["評議会"]`）。`[[forbidden]]` テーブルでは、`lang`（`"en"` か `"ja"`）、`term`、`use`（代わりに使う用語、または用語のリスト。省略可）、`status`（既定値の `"forbidden"` か `"deprecated"`）、`reason`（省略可。注記として表示）を指定できます。禁止語は error、非推奨語は warning で、チェックの既定の重大度（error）にはよりません。`codepub check --deny-warnings` ではどちらも error です。代わりに使う用語がちょうど一つなら、ソースにそのまま書かれている出現を `codepub check --fix` がその用語に置き換えます（出現が大文字始まりなら大文字始まりで）。未知のキーや、これら以外の `lang`・`status` は、用語集のその行のエラーになります。意図的に残す用語は、指摘に示される位置で、見つかった用語を抜粋として受け入れます。

# P025 spelling
explain-p025 = 英語のスペルが正しい
    .compares = 英語の側だけを読みます。harper（harper-core。オフラインで動き、辞書を内蔵します）は英語しか読まないためです。見出し、段落、箇条の各項目、引用の段落、脚注を、それぞれ 1 つのプレーンテキストとして harper に渡します。コードスパン、リンク先、脚注参照、コードブロックは読みません。harper の辞書（設定した方言のもの）、プロジェクト辞書、用語集の英語の用語のいずれかにある語を既知の語とします。harper が知らない語を候補とともに報告し、harper の文法リントが見つけたもの（a と an の使い分け、語の重複、一致など）も、harper 自身の英語のメッセージとリント名とともに報告します。
    .why = 英語の原文の誤字は、すべての版と、そこから作るすべての翻訳に写されます。スペルは翻訳元の言語である英語で確かめます。日本語は、ほかのチェックが英語と照らし合わせます。
    .fails-en = Members shall declare any conflict of intrest.
    .fails-ja = 会員は、いかなる利益相反も申告しなければならない。
    .reported = warning[P025]：スペル：“intrest” は辞書にない語です（その語の位置に、harper の候補とともに表示されます）
    .passes-en = Members shall declare any conflict of interest.
    .passes-ja = 会員は、いかなる利益相反も申告しなければならない。
    .config = codepub.toml の `[check.spelling]` で設定します。`enabled = true` でチェックを有効にします。既定では無効です。4 つの実際の本文では 14 件の指摘のうち 13 件が辞書にない固有名詞や用語で、1 段落に約 5 ms と、ほかのチェック全体の 100 倍の時間がかかるためです。出版された本文の誤字をそのまま残す同梱の規範も無効のままにしています。`dictionary`（プロジェクト辞書。既定は `content/dictionary.txt` で、なくてもかまいません。ここで指定したファイルは存在しなければなりません。1 行に 1 語、`#` 以降はコメント）、`grammar = false`（スペルのリントだけを使います）、`disable`（名前で無効にする harper のリント。`disable = ["SentenceCapitalization"]`。知らない名前は codepub.toml の位置で報告します）、`dialect`（`american`（既定）、`british`、`canadian`、`australian`、`indian`）。既定の重大度は warning で、指摘は表示されますが、`codepub check --deny-warnings` でエラーとして報告しない限り、実行は失敗しません。`codepub check --fix` は、harper の候補がちょうど 1 語のときに限り、誤った語を置き換えます。`spelling` 機能なしでビルドされた codepub では、このチェックが有効なとき、チェックできないことを 1 度だけ報告します。
