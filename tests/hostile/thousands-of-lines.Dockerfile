FROM ubuntu:22.04
RUN useradd -m mpiuser
RUN useradd -m u0 && \
    echo 0 > /tmp/0
RUN useradd -m u1 && \
    echo 1 > /tmp/1
RUN useradd -m u2 && \
    echo 2 > /tmp/2
RUN useradd -m u3 && \
    echo 3 > /tmp/3
RUN useradd -m u4 && \
    echo 4 > /tmp/4
RUN useradd -m u5 && \
    echo 5 > /tmp/5
RUN useradd -m u6 && \
    echo 6 > /tmp/6
RUN useradd -m u7 && \
    echo 7 > /tmp/7
RUN useradd -m u8 && \
    echo 8 > /tmp/8
RUN useradd -m u9 && \
    echo 9 > /tmp/9
RUN useradd -m u10 && \
    echo 10 > /tmp/10
RUN useradd -m u11 && \
    echo 11 > /tmp/11
RUN useradd -m u12 && \
    echo 12 > /tmp/12
RUN useradd -m u13 && \
    echo 13 > /tmp/13
RUN useradd -m u14 && \
    echo 14 > /tmp/14
RUN useradd -m u15 && \
    echo 15 > /tmp/15
RUN useradd -m u16 && \
    echo 16 > /tmp/16
RUN useradd -m u17 && \
    echo 17 > /tmp/17
RUN useradd -m u18 && \
    echo 18 > /tmp/18
RUN useradd -m u19 && \
    echo 19 > /tmp/19
RUN useradd -m u20 && \
    echo 20 > /tmp/20
RUN useradd -m u21 && \
    echo 21 > /tmp/21
RUN useradd -m u22 && \
    echo 22 > /tmp/22
RUN useradd -m u23 && \
    echo 23 > /tmp/23
RUN useradd -m u24 && \
    echo 24 > /tmp/24
RUN useradd -m u25 && \
    echo 25 > /tmp/25
RUN useradd -m u26 && \
    echo 26 > /tmp/26
RUN useradd -m u27 && \
    echo 27 > /tmp/27
RUN useradd -m u28 && \
    echo 28 > /tmp/28
RUN useradd -m u29 && \
    echo 29 > /tmp/29
RUN useradd -m u30 && \
    echo 30 > /tmp/30
RUN useradd -m u31 && \
    echo 31 > /tmp/31
RUN useradd -m u32 && \
    echo 32 > /tmp/32
RUN useradd -m u33 && \
    echo 33 > /tmp/33
RUN useradd -m u34 && \
    echo 34 > /tmp/34
RUN useradd -m u35 && \
    echo 35 > /tmp/35
RUN useradd -m u36 && \
    echo 36 > /tmp/36
RUN useradd -m u37 && \
    echo 37 > /tmp/37
RUN useradd -m u38 && \
    echo 38 > /tmp/38
RUN useradd -m u39 && \
    echo 39 > /tmp/39
RUN useradd -m u40 && \
    echo 40 > /tmp/40
RUN useradd -m u41 && \
    echo 41 > /tmp/41
RUN useradd -m u42 && \
    echo 42 > /tmp/42
RUN useradd -m u43 && \
    echo 43 > /tmp/43
RUN useradd -m u44 && \
    echo 44 > /tmp/44
RUN useradd -m u45 && \
    echo 45 > /tmp/45
RUN useradd -m u46 && \
    echo 46 > /tmp/46
RUN useradd -m u47 && \
    echo 47 > /tmp/47
RUN useradd -m u48 && \
    echo 48 > /tmp/48
RUN useradd -m u49 && \
    echo 49 > /tmp/49
RUN useradd -m u50 && \
    echo 50 > /tmp/50
RUN useradd -m u51 && \
    echo 51 > /tmp/51
RUN useradd -m u52 && \
    echo 52 > /tmp/52
RUN useradd -m u53 && \
    echo 53 > /tmp/53
RUN useradd -m u54 && \
    echo 54 > /tmp/54
RUN useradd -m u55 && \
    echo 55 > /tmp/55
RUN useradd -m u56 && \
    echo 56 > /tmp/56
RUN useradd -m u57 && \
    echo 57 > /tmp/57
RUN useradd -m u58 && \
    echo 58 > /tmp/58
RUN useradd -m u59 && \
    echo 59 > /tmp/59
RUN useradd -m u60 && \
    echo 60 > /tmp/60
RUN useradd -m u61 && \
    echo 61 > /tmp/61
RUN useradd -m u62 && \
    echo 62 > /tmp/62
RUN useradd -m u63 && \
    echo 63 > /tmp/63
RUN useradd -m u64 && \
    echo 64 > /tmp/64
RUN useradd -m u65 && \
    echo 65 > /tmp/65
RUN useradd -m u66 && \
    echo 66 > /tmp/66
RUN useradd -m u67 && \
    echo 67 > /tmp/67
RUN useradd -m u68 && \
    echo 68 > /tmp/68
RUN useradd -m u69 && \
    echo 69 > /tmp/69
RUN useradd -m u70 && \
    echo 70 > /tmp/70
RUN useradd -m u71 && \
    echo 71 > /tmp/71
RUN useradd -m u72 && \
    echo 72 > /tmp/72
RUN useradd -m u73 && \
    echo 73 > /tmp/73
RUN useradd -m u74 && \
    echo 74 > /tmp/74
RUN useradd -m u75 && \
    echo 75 > /tmp/75
RUN useradd -m u76 && \
    echo 76 > /tmp/76
RUN useradd -m u77 && \
    echo 77 > /tmp/77
RUN useradd -m u78 && \
    echo 78 > /tmp/78
RUN useradd -m u79 && \
    echo 79 > /tmp/79
RUN useradd -m u80 && \
    echo 80 > /tmp/80
RUN useradd -m u81 && \
    echo 81 > /tmp/81
RUN useradd -m u82 && \
    echo 82 > /tmp/82
RUN useradd -m u83 && \
    echo 83 > /tmp/83
RUN useradd -m u84 && \
    echo 84 > /tmp/84
RUN useradd -m u85 && \
    echo 85 > /tmp/85
RUN useradd -m u86 && \
    echo 86 > /tmp/86
RUN useradd -m u87 && \
    echo 87 > /tmp/87
RUN useradd -m u88 && \
    echo 88 > /tmp/88
RUN useradd -m u89 && \
    echo 89 > /tmp/89
RUN useradd -m u90 && \
    echo 90 > /tmp/90
RUN useradd -m u91 && \
    echo 91 > /tmp/91
RUN useradd -m u92 && \
    echo 92 > /tmp/92
RUN useradd -m u93 && \
    echo 93 > /tmp/93
RUN useradd -m u94 && \
    echo 94 > /tmp/94
RUN useradd -m u95 && \
    echo 95 > /tmp/95
RUN useradd -m u96 && \
    echo 96 > /tmp/96
RUN useradd -m u97 && \
    echo 97 > /tmp/97
RUN useradd -m u98 && \
    echo 98 > /tmp/98
RUN useradd -m u99 && \
    echo 99 > /tmp/99
RUN useradd -m u100 && \
    echo 100 > /tmp/100
RUN useradd -m u101 && \
    echo 101 > /tmp/101
RUN useradd -m u102 && \
    echo 102 > /tmp/102
RUN useradd -m u103 && \
    echo 103 > /tmp/103
RUN useradd -m u104 && \
    echo 104 > /tmp/104
RUN useradd -m u105 && \
    echo 105 > /tmp/105
RUN useradd -m u106 && \
    echo 106 > /tmp/106
RUN useradd -m u107 && \
    echo 107 > /tmp/107
RUN useradd -m u108 && \
    echo 108 > /tmp/108
RUN useradd -m u109 && \
    echo 109 > /tmp/109
RUN useradd -m u110 && \
    echo 110 > /tmp/110
RUN useradd -m u111 && \
    echo 111 > /tmp/111
RUN useradd -m u112 && \
    echo 112 > /tmp/112
RUN useradd -m u113 && \
    echo 113 > /tmp/113
RUN useradd -m u114 && \
    echo 114 > /tmp/114
RUN useradd -m u115 && \
    echo 115 > /tmp/115
RUN useradd -m u116 && \
    echo 116 > /tmp/116
RUN useradd -m u117 && \
    echo 117 > /tmp/117
RUN useradd -m u118 && \
    echo 118 > /tmp/118
RUN useradd -m u119 && \
    echo 119 > /tmp/119
RUN useradd -m u120 && \
    echo 120 > /tmp/120
RUN useradd -m u121 && \
    echo 121 > /tmp/121
RUN useradd -m u122 && \
    echo 122 > /tmp/122
RUN useradd -m u123 && \
    echo 123 > /tmp/123
RUN useradd -m u124 && \
    echo 124 > /tmp/124
RUN useradd -m u125 && \
    echo 125 > /tmp/125
RUN useradd -m u126 && \
    echo 126 > /tmp/126
RUN useradd -m u127 && \
    echo 127 > /tmp/127
RUN useradd -m u128 && \
    echo 128 > /tmp/128
RUN useradd -m u129 && \
    echo 129 > /tmp/129
RUN useradd -m u130 && \
    echo 130 > /tmp/130
RUN useradd -m u131 && \
    echo 131 > /tmp/131
RUN useradd -m u132 && \
    echo 132 > /tmp/132
RUN useradd -m u133 && \
    echo 133 > /tmp/133
RUN useradd -m u134 && \
    echo 134 > /tmp/134
RUN useradd -m u135 && \
    echo 135 > /tmp/135
RUN useradd -m u136 && \
    echo 136 > /tmp/136
RUN useradd -m u137 && \
    echo 137 > /tmp/137
RUN useradd -m u138 && \
    echo 138 > /tmp/138
RUN useradd -m u139 && \
    echo 139 > /tmp/139
RUN useradd -m u140 && \
    echo 140 > /tmp/140
RUN useradd -m u141 && \
    echo 141 > /tmp/141
RUN useradd -m u142 && \
    echo 142 > /tmp/142
RUN useradd -m u143 && \
    echo 143 > /tmp/143
RUN useradd -m u144 && \
    echo 144 > /tmp/144
RUN useradd -m u145 && \
    echo 145 > /tmp/145
RUN useradd -m u146 && \
    echo 146 > /tmp/146
RUN useradd -m u147 && \
    echo 147 > /tmp/147
RUN useradd -m u148 && \
    echo 148 > /tmp/148
RUN useradd -m u149 && \
    echo 149 > /tmp/149
RUN useradd -m u150 && \
    echo 150 > /tmp/150
RUN useradd -m u151 && \
    echo 151 > /tmp/151
RUN useradd -m u152 && \
    echo 152 > /tmp/152
RUN useradd -m u153 && \
    echo 153 > /tmp/153
RUN useradd -m u154 && \
    echo 154 > /tmp/154
RUN useradd -m u155 && \
    echo 155 > /tmp/155
RUN useradd -m u156 && \
    echo 156 > /tmp/156
RUN useradd -m u157 && \
    echo 157 > /tmp/157
RUN useradd -m u158 && \
    echo 158 > /tmp/158
RUN useradd -m u159 && \
    echo 159 > /tmp/159
RUN useradd -m u160 && \
    echo 160 > /tmp/160
RUN useradd -m u161 && \
    echo 161 > /tmp/161
RUN useradd -m u162 && \
    echo 162 > /tmp/162
RUN useradd -m u163 && \
    echo 163 > /tmp/163
RUN useradd -m u164 && \
    echo 164 > /tmp/164
RUN useradd -m u165 && \
    echo 165 > /tmp/165
RUN useradd -m u166 && \
    echo 166 > /tmp/166
RUN useradd -m u167 && \
    echo 167 > /tmp/167
RUN useradd -m u168 && \
    echo 168 > /tmp/168
RUN useradd -m u169 && \
    echo 169 > /tmp/169
RUN useradd -m u170 && \
    echo 170 > /tmp/170
RUN useradd -m u171 && \
    echo 171 > /tmp/171
RUN useradd -m u172 && \
    echo 172 > /tmp/172
RUN useradd -m u173 && \
    echo 173 > /tmp/173
RUN useradd -m u174 && \
    echo 174 > /tmp/174
RUN useradd -m u175 && \
    echo 175 > /tmp/175
RUN useradd -m u176 && \
    echo 176 > /tmp/176
RUN useradd -m u177 && \
    echo 177 > /tmp/177
RUN useradd -m u178 && \
    echo 178 > /tmp/178
RUN useradd -m u179 && \
    echo 179 > /tmp/179
RUN useradd -m u180 && \
    echo 180 > /tmp/180
RUN useradd -m u181 && \
    echo 181 > /tmp/181
RUN useradd -m u182 && \
    echo 182 > /tmp/182
RUN useradd -m u183 && \
    echo 183 > /tmp/183
RUN useradd -m u184 && \
    echo 184 > /tmp/184
RUN useradd -m u185 && \
    echo 185 > /tmp/185
RUN useradd -m u186 && \
    echo 186 > /tmp/186
RUN useradd -m u187 && \
    echo 187 > /tmp/187
RUN useradd -m u188 && \
    echo 188 > /tmp/188
RUN useradd -m u189 && \
    echo 189 > /tmp/189
RUN useradd -m u190 && \
    echo 190 > /tmp/190
RUN useradd -m u191 && \
    echo 191 > /tmp/191
RUN useradd -m u192 && \
    echo 192 > /tmp/192
RUN useradd -m u193 && \
    echo 193 > /tmp/193
RUN useradd -m u194 && \
    echo 194 > /tmp/194
RUN useradd -m u195 && \
    echo 195 > /tmp/195
RUN useradd -m u196 && \
    echo 196 > /tmp/196
RUN useradd -m u197 && \
    echo 197 > /tmp/197
RUN useradd -m u198 && \
    echo 198 > /tmp/198
RUN useradd -m u199 && \
    echo 199 > /tmp/199
RUN useradd -m u200 && \
    echo 200 > /tmp/200
RUN useradd -m u201 && \
    echo 201 > /tmp/201
RUN useradd -m u202 && \
    echo 202 > /tmp/202
RUN useradd -m u203 && \
    echo 203 > /tmp/203
RUN useradd -m u204 && \
    echo 204 > /tmp/204
RUN useradd -m u205 && \
    echo 205 > /tmp/205
RUN useradd -m u206 && \
    echo 206 > /tmp/206
RUN useradd -m u207 && \
    echo 207 > /tmp/207
RUN useradd -m u208 && \
    echo 208 > /tmp/208
RUN useradd -m u209 && \
    echo 209 > /tmp/209
RUN useradd -m u210 && \
    echo 210 > /tmp/210
RUN useradd -m u211 && \
    echo 211 > /tmp/211
RUN useradd -m u212 && \
    echo 212 > /tmp/212
RUN useradd -m u213 && \
    echo 213 > /tmp/213
RUN useradd -m u214 && \
    echo 214 > /tmp/214
RUN useradd -m u215 && \
    echo 215 > /tmp/215
RUN useradd -m u216 && \
    echo 216 > /tmp/216
RUN useradd -m u217 && \
    echo 217 > /tmp/217
RUN useradd -m u218 && \
    echo 218 > /tmp/218
RUN useradd -m u219 && \
    echo 219 > /tmp/219
RUN useradd -m u220 && \
    echo 220 > /tmp/220
RUN useradd -m u221 && \
    echo 221 > /tmp/221
RUN useradd -m u222 && \
    echo 222 > /tmp/222
RUN useradd -m u223 && \
    echo 223 > /tmp/223
RUN useradd -m u224 && \
    echo 224 > /tmp/224
RUN useradd -m u225 && \
    echo 225 > /tmp/225
RUN useradd -m u226 && \
    echo 226 > /tmp/226
RUN useradd -m u227 && \
    echo 227 > /tmp/227
RUN useradd -m u228 && \
    echo 228 > /tmp/228
RUN useradd -m u229 && \
    echo 229 > /tmp/229
RUN useradd -m u230 && \
    echo 230 > /tmp/230
RUN useradd -m u231 && \
    echo 231 > /tmp/231
RUN useradd -m u232 && \
    echo 232 > /tmp/232
RUN useradd -m u233 && \
    echo 233 > /tmp/233
RUN useradd -m u234 && \
    echo 234 > /tmp/234
RUN useradd -m u235 && \
    echo 235 > /tmp/235
RUN useradd -m u236 && \
    echo 236 > /tmp/236
RUN useradd -m u237 && \
    echo 237 > /tmp/237
RUN useradd -m u238 && \
    echo 238 > /tmp/238
RUN useradd -m u239 && \
    echo 239 > /tmp/239
RUN useradd -m u240 && \
    echo 240 > /tmp/240
RUN useradd -m u241 && \
    echo 241 > /tmp/241
RUN useradd -m u242 && \
    echo 242 > /tmp/242
RUN useradd -m u243 && \
    echo 243 > /tmp/243
RUN useradd -m u244 && \
    echo 244 > /tmp/244
RUN useradd -m u245 && \
    echo 245 > /tmp/245
RUN useradd -m u246 && \
    echo 246 > /tmp/246
RUN useradd -m u247 && \
    echo 247 > /tmp/247
RUN useradd -m u248 && \
    echo 248 > /tmp/248
RUN useradd -m u249 && \
    echo 249 > /tmp/249
RUN useradd -m u250 && \
    echo 250 > /tmp/250
RUN useradd -m u251 && \
    echo 251 > /tmp/251
RUN useradd -m u252 && \
    echo 252 > /tmp/252
RUN useradd -m u253 && \
    echo 253 > /tmp/253
RUN useradd -m u254 && \
    echo 254 > /tmp/254
RUN useradd -m u255 && \
    echo 255 > /tmp/255
RUN useradd -m u256 && \
    echo 256 > /tmp/256
RUN useradd -m u257 && \
    echo 257 > /tmp/257
RUN useradd -m u258 && \
    echo 258 > /tmp/258
RUN useradd -m u259 && \
    echo 259 > /tmp/259
RUN useradd -m u260 && \
    echo 260 > /tmp/260
RUN useradd -m u261 && \
    echo 261 > /tmp/261
RUN useradd -m u262 && \
    echo 262 > /tmp/262
RUN useradd -m u263 && \
    echo 263 > /tmp/263
RUN useradd -m u264 && \
    echo 264 > /tmp/264
RUN useradd -m u265 && \
    echo 265 > /tmp/265
RUN useradd -m u266 && \
    echo 266 > /tmp/266
RUN useradd -m u267 && \
    echo 267 > /tmp/267
RUN useradd -m u268 && \
    echo 268 > /tmp/268
RUN useradd -m u269 && \
    echo 269 > /tmp/269
RUN useradd -m u270 && \
    echo 270 > /tmp/270
RUN useradd -m u271 && \
    echo 271 > /tmp/271
RUN useradd -m u272 && \
    echo 272 > /tmp/272
RUN useradd -m u273 && \
    echo 273 > /tmp/273
RUN useradd -m u274 && \
    echo 274 > /tmp/274
RUN useradd -m u275 && \
    echo 275 > /tmp/275
RUN useradd -m u276 && \
    echo 276 > /tmp/276
RUN useradd -m u277 && \
    echo 277 > /tmp/277
RUN useradd -m u278 && \
    echo 278 > /tmp/278
RUN useradd -m u279 && \
    echo 279 > /tmp/279
RUN useradd -m u280 && \
    echo 280 > /tmp/280
RUN useradd -m u281 && \
    echo 281 > /tmp/281
RUN useradd -m u282 && \
    echo 282 > /tmp/282
RUN useradd -m u283 && \
    echo 283 > /tmp/283
RUN useradd -m u284 && \
    echo 284 > /tmp/284
RUN useradd -m u285 && \
    echo 285 > /tmp/285
RUN useradd -m u286 && \
    echo 286 > /tmp/286
RUN useradd -m u287 && \
    echo 287 > /tmp/287
RUN useradd -m u288 && \
    echo 288 > /tmp/288
RUN useradd -m u289 && \
    echo 289 > /tmp/289
RUN useradd -m u290 && \
    echo 290 > /tmp/290
RUN useradd -m u291 && \
    echo 291 > /tmp/291
RUN useradd -m u292 && \
    echo 292 > /tmp/292
RUN useradd -m u293 && \
    echo 293 > /tmp/293
RUN useradd -m u294 && \
    echo 294 > /tmp/294
RUN useradd -m u295 && \
    echo 295 > /tmp/295
RUN useradd -m u296 && \
    echo 296 > /tmp/296
RUN useradd -m u297 && \
    echo 297 > /tmp/297
RUN useradd -m u298 && \
    echo 298 > /tmp/298
RUN useradd -m u299 && \
    echo 299 > /tmp/299
RUN useradd -m u300 && \
    echo 300 > /tmp/300
RUN useradd -m u301 && \
    echo 301 > /tmp/301
RUN useradd -m u302 && \
    echo 302 > /tmp/302
RUN useradd -m u303 && \
    echo 303 > /tmp/303
RUN useradd -m u304 && \
    echo 304 > /tmp/304
RUN useradd -m u305 && \
    echo 305 > /tmp/305
RUN useradd -m u306 && \
    echo 306 > /tmp/306
RUN useradd -m u307 && \
    echo 307 > /tmp/307
RUN useradd -m u308 && \
    echo 308 > /tmp/308
RUN useradd -m u309 && \
    echo 309 > /tmp/309
RUN useradd -m u310 && \
    echo 310 > /tmp/310
RUN useradd -m u311 && \
    echo 311 > /tmp/311
RUN useradd -m u312 && \
    echo 312 > /tmp/312
RUN useradd -m u313 && \
    echo 313 > /tmp/313
RUN useradd -m u314 && \
    echo 314 > /tmp/314
RUN useradd -m u315 && \
    echo 315 > /tmp/315
RUN useradd -m u316 && \
    echo 316 > /tmp/316
RUN useradd -m u317 && \
    echo 317 > /tmp/317
RUN useradd -m u318 && \
    echo 318 > /tmp/318
RUN useradd -m u319 && \
    echo 319 > /tmp/319
RUN useradd -m u320 && \
    echo 320 > /tmp/320
RUN useradd -m u321 && \
    echo 321 > /tmp/321
RUN useradd -m u322 && \
    echo 322 > /tmp/322
RUN useradd -m u323 && \
    echo 323 > /tmp/323
RUN useradd -m u324 && \
    echo 324 > /tmp/324
RUN useradd -m u325 && \
    echo 325 > /tmp/325
RUN useradd -m u326 && \
    echo 326 > /tmp/326
RUN useradd -m u327 && \
    echo 327 > /tmp/327
RUN useradd -m u328 && \
    echo 328 > /tmp/328
RUN useradd -m u329 && \
    echo 329 > /tmp/329
RUN useradd -m u330 && \
    echo 330 > /tmp/330
RUN useradd -m u331 && \
    echo 331 > /tmp/331
RUN useradd -m u332 && \
    echo 332 > /tmp/332
RUN useradd -m u333 && \
    echo 333 > /tmp/333
RUN useradd -m u334 && \
    echo 334 > /tmp/334
RUN useradd -m u335 && \
    echo 335 > /tmp/335
RUN useradd -m u336 && \
    echo 336 > /tmp/336
RUN useradd -m u337 && \
    echo 337 > /tmp/337
RUN useradd -m u338 && \
    echo 338 > /tmp/338
RUN useradd -m u339 && \
    echo 339 > /tmp/339
RUN useradd -m u340 && \
    echo 340 > /tmp/340
RUN useradd -m u341 && \
    echo 341 > /tmp/341
RUN useradd -m u342 && \
    echo 342 > /tmp/342
RUN useradd -m u343 && \
    echo 343 > /tmp/343
RUN useradd -m u344 && \
    echo 344 > /tmp/344
RUN useradd -m u345 && \
    echo 345 > /tmp/345
RUN useradd -m u346 && \
    echo 346 > /tmp/346
RUN useradd -m u347 && \
    echo 347 > /tmp/347
RUN useradd -m u348 && \
    echo 348 > /tmp/348
RUN useradd -m u349 && \
    echo 349 > /tmp/349
RUN useradd -m u350 && \
    echo 350 > /tmp/350
RUN useradd -m u351 && \
    echo 351 > /tmp/351
RUN useradd -m u352 && \
    echo 352 > /tmp/352
RUN useradd -m u353 && \
    echo 353 > /tmp/353
RUN useradd -m u354 && \
    echo 354 > /tmp/354
RUN useradd -m u355 && \
    echo 355 > /tmp/355
RUN useradd -m u356 && \
    echo 356 > /tmp/356
RUN useradd -m u357 && \
    echo 357 > /tmp/357
RUN useradd -m u358 && \
    echo 358 > /tmp/358
RUN useradd -m u359 && \
    echo 359 > /tmp/359
RUN useradd -m u360 && \
    echo 360 > /tmp/360
RUN useradd -m u361 && \
    echo 361 > /tmp/361
RUN useradd -m u362 && \
    echo 362 > /tmp/362
RUN useradd -m u363 && \
    echo 363 > /tmp/363
RUN useradd -m u364 && \
    echo 364 > /tmp/364
RUN useradd -m u365 && \
    echo 365 > /tmp/365
RUN useradd -m u366 && \
    echo 366 > /tmp/366
RUN useradd -m u367 && \
    echo 367 > /tmp/367
RUN useradd -m u368 && \
    echo 368 > /tmp/368
RUN useradd -m u369 && \
    echo 369 > /tmp/369
RUN useradd -m u370 && \
    echo 370 > /tmp/370
RUN useradd -m u371 && \
    echo 371 > /tmp/371
RUN useradd -m u372 && \
    echo 372 > /tmp/372
RUN useradd -m u373 && \
    echo 373 > /tmp/373
RUN useradd -m u374 && \
    echo 374 > /tmp/374
RUN useradd -m u375 && \
    echo 375 > /tmp/375
RUN useradd -m u376 && \
    echo 376 > /tmp/376
RUN useradd -m u377 && \
    echo 377 > /tmp/377
RUN useradd -m u378 && \
    echo 378 > /tmp/378
RUN useradd -m u379 && \
    echo 379 > /tmp/379
RUN useradd -m u380 && \
    echo 380 > /tmp/380
RUN useradd -m u381 && \
    echo 381 > /tmp/381
RUN useradd -m u382 && \
    echo 382 > /tmp/382
RUN useradd -m u383 && \
    echo 383 > /tmp/383
RUN useradd -m u384 && \
    echo 384 > /tmp/384
RUN useradd -m u385 && \
    echo 385 > /tmp/385
RUN useradd -m u386 && \
    echo 386 > /tmp/386
RUN useradd -m u387 && \
    echo 387 > /tmp/387
RUN useradd -m u388 && \
    echo 388 > /tmp/388
RUN useradd -m u389 && \
    echo 389 > /tmp/389
RUN useradd -m u390 && \
    echo 390 > /tmp/390
RUN useradd -m u391 && \
    echo 391 > /tmp/391
RUN useradd -m u392 && \
    echo 392 > /tmp/392
RUN useradd -m u393 && \
    echo 393 > /tmp/393
RUN useradd -m u394 && \
    echo 394 > /tmp/394
RUN useradd -m u395 && \
    echo 395 > /tmp/395
RUN useradd -m u396 && \
    echo 396 > /tmp/396
RUN useradd -m u397 && \
    echo 397 > /tmp/397
RUN useradd -m u398 && \
    echo 398 > /tmp/398
RUN useradd -m u399 && \
    echo 399 > /tmp/399
RUN useradd -m u400 && \
    echo 400 > /tmp/400
RUN useradd -m u401 && \
    echo 401 > /tmp/401
RUN useradd -m u402 && \
    echo 402 > /tmp/402
RUN useradd -m u403 && \
    echo 403 > /tmp/403
RUN useradd -m u404 && \
    echo 404 > /tmp/404
RUN useradd -m u405 && \
    echo 405 > /tmp/405
RUN useradd -m u406 && \
    echo 406 > /tmp/406
RUN useradd -m u407 && \
    echo 407 > /tmp/407
RUN useradd -m u408 && \
    echo 408 > /tmp/408
RUN useradd -m u409 && \
    echo 409 > /tmp/409
RUN useradd -m u410 && \
    echo 410 > /tmp/410
RUN useradd -m u411 && \
    echo 411 > /tmp/411
RUN useradd -m u412 && \
    echo 412 > /tmp/412
RUN useradd -m u413 && \
    echo 413 > /tmp/413
RUN useradd -m u414 && \
    echo 414 > /tmp/414
RUN useradd -m u415 && \
    echo 415 > /tmp/415
RUN useradd -m u416 && \
    echo 416 > /tmp/416
RUN useradd -m u417 && \
    echo 417 > /tmp/417
RUN useradd -m u418 && \
    echo 418 > /tmp/418
RUN useradd -m u419 && \
    echo 419 > /tmp/419
RUN useradd -m u420 && \
    echo 420 > /tmp/420
RUN useradd -m u421 && \
    echo 421 > /tmp/421
RUN useradd -m u422 && \
    echo 422 > /tmp/422
RUN useradd -m u423 && \
    echo 423 > /tmp/423
RUN useradd -m u424 && \
    echo 424 > /tmp/424
RUN useradd -m u425 && \
    echo 425 > /tmp/425
RUN useradd -m u426 && \
    echo 426 > /tmp/426
RUN useradd -m u427 && \
    echo 427 > /tmp/427
RUN useradd -m u428 && \
    echo 428 > /tmp/428
RUN useradd -m u429 && \
    echo 429 > /tmp/429
RUN useradd -m u430 && \
    echo 430 > /tmp/430
RUN useradd -m u431 && \
    echo 431 > /tmp/431
RUN useradd -m u432 && \
    echo 432 > /tmp/432
RUN useradd -m u433 && \
    echo 433 > /tmp/433
RUN useradd -m u434 && \
    echo 434 > /tmp/434
RUN useradd -m u435 && \
    echo 435 > /tmp/435
RUN useradd -m u436 && \
    echo 436 > /tmp/436
RUN useradd -m u437 && \
    echo 437 > /tmp/437
RUN useradd -m u438 && \
    echo 438 > /tmp/438
RUN useradd -m u439 && \
    echo 439 > /tmp/439
RUN useradd -m u440 && \
    echo 440 > /tmp/440
RUN useradd -m u441 && \
    echo 441 > /tmp/441
RUN useradd -m u442 && \
    echo 442 > /tmp/442
RUN useradd -m u443 && \
    echo 443 > /tmp/443
RUN useradd -m u444 && \
    echo 444 > /tmp/444
RUN useradd -m u445 && \
    echo 445 > /tmp/445
RUN useradd -m u446 && \
    echo 446 > /tmp/446
RUN useradd -m u447 && \
    echo 447 > /tmp/447
RUN useradd -m u448 && \
    echo 448 > /tmp/448
RUN useradd -m u449 && \
    echo 449 > /tmp/449
RUN useradd -m u450 && \
    echo 450 > /tmp/450
RUN useradd -m u451 && \
    echo 451 > /tmp/451
RUN useradd -m u452 && \
    echo 452 > /tmp/452
RUN useradd -m u453 && \
    echo 453 > /tmp/453
RUN useradd -m u454 && \
    echo 454 > /tmp/454
RUN useradd -m u455 && \
    echo 455 > /tmp/455
RUN useradd -m u456 && \
    echo 456 > /tmp/456
RUN useradd -m u457 && \
    echo 457 > /tmp/457
RUN useradd -m u458 && \
    echo 458 > /tmp/458
RUN useradd -m u459 && \
    echo 459 > /tmp/459
RUN useradd -m u460 && \
    echo 460 > /tmp/460
RUN useradd -m u461 && \
    echo 461 > /tmp/461
RUN useradd -m u462 && \
    echo 462 > /tmp/462
RUN useradd -m u463 && \
    echo 463 > /tmp/463
RUN useradd -m u464 && \
    echo 464 > /tmp/464
RUN useradd -m u465 && \
    echo 465 > /tmp/465
RUN useradd -m u466 && \
    echo 466 > /tmp/466
RUN useradd -m u467 && \
    echo 467 > /tmp/467
RUN useradd -m u468 && \
    echo 468 > /tmp/468
RUN useradd -m u469 && \
    echo 469 > /tmp/469
RUN useradd -m u470 && \
    echo 470 > /tmp/470
RUN useradd -m u471 && \
    echo 471 > /tmp/471
RUN useradd -m u472 && \
    echo 472 > /tmp/472
RUN useradd -m u473 && \
    echo 473 > /tmp/473
RUN useradd -m u474 && \
    echo 474 > /tmp/474
RUN useradd -m u475 && \
    echo 475 > /tmp/475
RUN useradd -m u476 && \
    echo 476 > /tmp/476
RUN useradd -m u477 && \
    echo 477 > /tmp/477
RUN useradd -m u478 && \
    echo 478 > /tmp/478
RUN useradd -m u479 && \
    echo 479 > /tmp/479
RUN useradd -m u480 && \
    echo 480 > /tmp/480
RUN useradd -m u481 && \
    echo 481 > /tmp/481
RUN useradd -m u482 && \
    echo 482 > /tmp/482
RUN useradd -m u483 && \
    echo 483 > /tmp/483
RUN useradd -m u484 && \
    echo 484 > /tmp/484
RUN useradd -m u485 && \
    echo 485 > /tmp/485
RUN useradd -m u486 && \
    echo 486 > /tmp/486
RUN useradd -m u487 && \
    echo 487 > /tmp/487
RUN useradd -m u488 && \
    echo 488 > /tmp/488
RUN useradd -m u489 && \
    echo 489 > /tmp/489
RUN useradd -m u490 && \
    echo 490 > /tmp/490
RUN useradd -m u491 && \
    echo 491 > /tmp/491
RUN useradd -m u492 && \
    echo 492 > /tmp/492
RUN useradd -m u493 && \
    echo 493 > /tmp/493
RUN useradd -m u494 && \
    echo 494 > /tmp/494
RUN useradd -m u495 && \
    echo 495 > /tmp/495
RUN useradd -m u496 && \
    echo 496 > /tmp/496
RUN useradd -m u497 && \
    echo 497 > /tmp/497
RUN useradd -m u498 && \
    echo 498 > /tmp/498
RUN useradd -m u499 && \
    echo 499 > /tmp/499
RUN useradd -m u500 && \
    echo 500 > /tmp/500
RUN useradd -m u501 && \
    echo 501 > /tmp/501
RUN useradd -m u502 && \
    echo 502 > /tmp/502
RUN useradd -m u503 && \
    echo 503 > /tmp/503
RUN useradd -m u504 && \
    echo 504 > /tmp/504
RUN useradd -m u505 && \
    echo 505 > /tmp/505
RUN useradd -m u506 && \
    echo 506 > /tmp/506
RUN useradd -m u507 && \
    echo 507 > /tmp/507
RUN useradd -m u508 && \
    echo 508 > /tmp/508
RUN useradd -m u509 && \
    echo 509 > /tmp/509
RUN useradd -m u510 && \
    echo 510 > /tmp/510
RUN useradd -m u511 && \
    echo 511 > /tmp/511
RUN useradd -m u512 && \
    echo 512 > /tmp/512
RUN useradd -m u513 && \
    echo 513 > /tmp/513
RUN useradd -m u514 && \
    echo 514 > /tmp/514
RUN useradd -m u515 && \
    echo 515 > /tmp/515
RUN useradd -m u516 && \
    echo 516 > /tmp/516
RUN useradd -m u517 && \
    echo 517 > /tmp/517
RUN useradd -m u518 && \
    echo 518 > /tmp/518
RUN useradd -m u519 && \
    echo 519 > /tmp/519
RUN useradd -m u520 && \
    echo 520 > /tmp/520
RUN useradd -m u521 && \
    echo 521 > /tmp/521
RUN useradd -m u522 && \
    echo 522 > /tmp/522
RUN useradd -m u523 && \
    echo 523 > /tmp/523
RUN useradd -m u524 && \
    echo 524 > /tmp/524
RUN useradd -m u525 && \
    echo 525 > /tmp/525
RUN useradd -m u526 && \
    echo 526 > /tmp/526
RUN useradd -m u527 && \
    echo 527 > /tmp/527
RUN useradd -m u528 && \
    echo 528 > /tmp/528
RUN useradd -m u529 && \
    echo 529 > /tmp/529
RUN useradd -m u530 && \
    echo 530 > /tmp/530
RUN useradd -m u531 && \
    echo 531 > /tmp/531
RUN useradd -m u532 && \
    echo 532 > /tmp/532
RUN useradd -m u533 && \
    echo 533 > /tmp/533
RUN useradd -m u534 && \
    echo 534 > /tmp/534
RUN useradd -m u535 && \
    echo 535 > /tmp/535
RUN useradd -m u536 && \
    echo 536 > /tmp/536
RUN useradd -m u537 && \
    echo 537 > /tmp/537
RUN useradd -m u538 && \
    echo 538 > /tmp/538
RUN useradd -m u539 && \
    echo 539 > /tmp/539
RUN useradd -m u540 && \
    echo 540 > /tmp/540
RUN useradd -m u541 && \
    echo 541 > /tmp/541
RUN useradd -m u542 && \
    echo 542 > /tmp/542
RUN useradd -m u543 && \
    echo 543 > /tmp/543
RUN useradd -m u544 && \
    echo 544 > /tmp/544
RUN useradd -m u545 && \
    echo 545 > /tmp/545
RUN useradd -m u546 && \
    echo 546 > /tmp/546
RUN useradd -m u547 && \
    echo 547 > /tmp/547
RUN useradd -m u548 && \
    echo 548 > /tmp/548
RUN useradd -m u549 && \
    echo 549 > /tmp/549
RUN useradd -m u550 && \
    echo 550 > /tmp/550
RUN useradd -m u551 && \
    echo 551 > /tmp/551
RUN useradd -m u552 && \
    echo 552 > /tmp/552
RUN useradd -m u553 && \
    echo 553 > /tmp/553
RUN useradd -m u554 && \
    echo 554 > /tmp/554
RUN useradd -m u555 && \
    echo 555 > /tmp/555
RUN useradd -m u556 && \
    echo 556 > /tmp/556
RUN useradd -m u557 && \
    echo 557 > /tmp/557
RUN useradd -m u558 && \
    echo 558 > /tmp/558
RUN useradd -m u559 && \
    echo 559 > /tmp/559
RUN useradd -m u560 && \
    echo 560 > /tmp/560
RUN useradd -m u561 && \
    echo 561 > /tmp/561
RUN useradd -m u562 && \
    echo 562 > /tmp/562
RUN useradd -m u563 && \
    echo 563 > /tmp/563
RUN useradd -m u564 && \
    echo 564 > /tmp/564
RUN useradd -m u565 && \
    echo 565 > /tmp/565
RUN useradd -m u566 && \
    echo 566 > /tmp/566
RUN useradd -m u567 && \
    echo 567 > /tmp/567
RUN useradd -m u568 && \
    echo 568 > /tmp/568
RUN useradd -m u569 && \
    echo 569 > /tmp/569
RUN useradd -m u570 && \
    echo 570 > /tmp/570
RUN useradd -m u571 && \
    echo 571 > /tmp/571
RUN useradd -m u572 && \
    echo 572 > /tmp/572
RUN useradd -m u573 && \
    echo 573 > /tmp/573
RUN useradd -m u574 && \
    echo 574 > /tmp/574
RUN useradd -m u575 && \
    echo 575 > /tmp/575
RUN useradd -m u576 && \
    echo 576 > /tmp/576
RUN useradd -m u577 && \
    echo 577 > /tmp/577
RUN useradd -m u578 && \
    echo 578 > /tmp/578
RUN useradd -m u579 && \
    echo 579 > /tmp/579
RUN useradd -m u580 && \
    echo 580 > /tmp/580
RUN useradd -m u581 && \
    echo 581 > /tmp/581
RUN useradd -m u582 && \
    echo 582 > /tmp/582
RUN useradd -m u583 && \
    echo 583 > /tmp/583
RUN useradd -m u584 && \
    echo 584 > /tmp/584
RUN useradd -m u585 && \
    echo 585 > /tmp/585
RUN useradd -m u586 && \
    echo 586 > /tmp/586
RUN useradd -m u587 && \
    echo 587 > /tmp/587
RUN useradd -m u588 && \
    echo 588 > /tmp/588
RUN useradd -m u589 && \
    echo 589 > /tmp/589
RUN useradd -m u590 && \
    echo 590 > /tmp/590
RUN useradd -m u591 && \
    echo 591 > /tmp/591
RUN useradd -m u592 && \
    echo 592 > /tmp/592
RUN useradd -m u593 && \
    echo 593 > /tmp/593
RUN useradd -m u594 && \
    echo 594 > /tmp/594
RUN useradd -m u595 && \
    echo 595 > /tmp/595
RUN useradd -m u596 && \
    echo 596 > /tmp/596
RUN useradd -m u597 && \
    echo 597 > /tmp/597
RUN useradd -m u598 && \
    echo 598 > /tmp/598
RUN useradd -m u599 && \
    echo 599 > /tmp/599
RUN useradd -m u600 && \
    echo 600 > /tmp/600
RUN useradd -m u601 && \
    echo 601 > /tmp/601
RUN useradd -m u602 && \
    echo 602 > /tmp/602
RUN useradd -m u603 && \
    echo 603 > /tmp/603
RUN useradd -m u604 && \
    echo 604 > /tmp/604
RUN useradd -m u605 && \
    echo 605 > /tmp/605
RUN useradd -m u606 && \
    echo 606 > /tmp/606
RUN useradd -m u607 && \
    echo 607 > /tmp/607
RUN useradd -m u608 && \
    echo 608 > /tmp/608
RUN useradd -m u609 && \
    echo 609 > /tmp/609
RUN useradd -m u610 && \
    echo 610 > /tmp/610
RUN useradd -m u611 && \
    echo 611 > /tmp/611
RUN useradd -m u612 && \
    echo 612 > /tmp/612
RUN useradd -m u613 && \
    echo 613 > /tmp/613
RUN useradd -m u614 && \
    echo 614 > /tmp/614
RUN useradd -m u615 && \
    echo 615 > /tmp/615
RUN useradd -m u616 && \
    echo 616 > /tmp/616
RUN useradd -m u617 && \
    echo 617 > /tmp/617
RUN useradd -m u618 && \
    echo 618 > /tmp/618
RUN useradd -m u619 && \
    echo 619 > /tmp/619
RUN useradd -m u620 && \
    echo 620 > /tmp/620
RUN useradd -m u621 && \
    echo 621 > /tmp/621
RUN useradd -m u622 && \
    echo 622 > /tmp/622
RUN useradd -m u623 && \
    echo 623 > /tmp/623
RUN useradd -m u624 && \
    echo 624 > /tmp/624
RUN useradd -m u625 && \
    echo 625 > /tmp/625
RUN useradd -m u626 && \
    echo 626 > /tmp/626
RUN useradd -m u627 && \
    echo 627 > /tmp/627
RUN useradd -m u628 && \
    echo 628 > /tmp/628
RUN useradd -m u629 && \
    echo 629 > /tmp/629
RUN useradd -m u630 && \
    echo 630 > /tmp/630
RUN useradd -m u631 && \
    echo 631 > /tmp/631
RUN useradd -m u632 && \
    echo 632 > /tmp/632
RUN useradd -m u633 && \
    echo 633 > /tmp/633
RUN useradd -m u634 && \
    echo 634 > /tmp/634
RUN useradd -m u635 && \
    echo 635 > /tmp/635
RUN useradd -m u636 && \
    echo 636 > /tmp/636
RUN useradd -m u637 && \
    echo 637 > /tmp/637
RUN useradd -m u638 && \
    echo 638 > /tmp/638
RUN useradd -m u639 && \
    echo 639 > /tmp/639
RUN useradd -m u640 && \
    echo 640 > /tmp/640
RUN useradd -m u641 && \
    echo 641 > /tmp/641
RUN useradd -m u642 && \
    echo 642 > /tmp/642
RUN useradd -m u643 && \
    echo 643 > /tmp/643
RUN useradd -m u644 && \
    echo 644 > /tmp/644
RUN useradd -m u645 && \
    echo 645 > /tmp/645
RUN useradd -m u646 && \
    echo 646 > /tmp/646
RUN useradd -m u647 && \
    echo 647 > /tmp/647
RUN useradd -m u648 && \
    echo 648 > /tmp/648
RUN useradd -m u649 && \
    echo 649 > /tmp/649
RUN useradd -m u650 && \
    echo 650 > /tmp/650
RUN useradd -m u651 && \
    echo 651 > /tmp/651
RUN useradd -m u652 && \
    echo 652 > /tmp/652
RUN useradd -m u653 && \
    echo 653 > /tmp/653
RUN useradd -m u654 && \
    echo 654 > /tmp/654
RUN useradd -m u655 && \
    echo 655 > /tmp/655
RUN useradd -m u656 && \
    echo 656 > /tmp/656
RUN useradd -m u657 && \
    echo 657 > /tmp/657
RUN useradd -m u658 && \
    echo 658 > /tmp/658
RUN useradd -m u659 && \
    echo 659 > /tmp/659
RUN useradd -m u660 && \
    echo 660 > /tmp/660
RUN useradd -m u661 && \
    echo 661 > /tmp/661
RUN useradd -m u662 && \
    echo 662 > /tmp/662
RUN useradd -m u663 && \
    echo 663 > /tmp/663
RUN useradd -m u664 && \
    echo 664 > /tmp/664
RUN useradd -m u665 && \
    echo 665 > /tmp/665
RUN useradd -m u666 && \
    echo 666 > /tmp/666
RUN useradd -m u667 && \
    echo 667 > /tmp/667
RUN useradd -m u668 && \
    echo 668 > /tmp/668
RUN useradd -m u669 && \
    echo 669 > /tmp/669
RUN useradd -m u670 && \
    echo 670 > /tmp/670
RUN useradd -m u671 && \
    echo 671 > /tmp/671
RUN useradd -m u672 && \
    echo 672 > /tmp/672
RUN useradd -m u673 && \
    echo 673 > /tmp/673
RUN useradd -m u674 && \
    echo 674 > /tmp/674
RUN useradd -m u675 && \
    echo 675 > /tmp/675
RUN useradd -m u676 && \
    echo 676 > /tmp/676
RUN useradd -m u677 && \
    echo 677 > /tmp/677
RUN useradd -m u678 && \
    echo 678 > /tmp/678
RUN useradd -m u679 && \
    echo 679 > /tmp/679
RUN useradd -m u680 && \
    echo 680 > /tmp/680
RUN useradd -m u681 && \
    echo 681 > /tmp/681
RUN useradd -m u682 && \
    echo 682 > /tmp/682
RUN useradd -m u683 && \
    echo 683 > /tmp/683
RUN useradd -m u684 && \
    echo 684 > /tmp/684
RUN useradd -m u685 && \
    echo 685 > /tmp/685
RUN useradd -m u686 && \
    echo 686 > /tmp/686
RUN useradd -m u687 && \
    echo 687 > /tmp/687
RUN useradd -m u688 && \
    echo 688 > /tmp/688
RUN useradd -m u689 && \
    echo 689 > /tmp/689
RUN useradd -m u690 && \
    echo 690 > /tmp/690
RUN useradd -m u691 && \
    echo 691 > /tmp/691
RUN useradd -m u692 && \
    echo 692 > /tmp/692
RUN useradd -m u693 && \
    echo 693 > /tmp/693
RUN useradd -m u694 && \
    echo 694 > /tmp/694
RUN useradd -m u695 && \
    echo 695 > /tmp/695
RUN useradd -m u696 && \
    echo 696 > /tmp/696
RUN useradd -m u697 && \
    echo 697 > /tmp/697
RUN useradd -m u698 && \
    echo 698 > /tmp/698
RUN useradd -m u699 && \
    echo 699 > /tmp/699
RUN useradd -m u700 && \
    echo 700 > /tmp/700
RUN useradd -m u701 && \
    echo 701 > /tmp/701
RUN useradd -m u702 && \
    echo 702 > /tmp/702
RUN useradd -m u703 && \
    echo 703 > /tmp/703
RUN useradd -m u704 && \
    echo 704 > /tmp/704
RUN useradd -m u705 && \
    echo 705 > /tmp/705
RUN useradd -m u706 && \
    echo 706 > /tmp/706
RUN useradd -m u707 && \
    echo 707 > /tmp/707
RUN useradd -m u708 && \
    echo 708 > /tmp/708
RUN useradd -m u709 && \
    echo 709 > /tmp/709
RUN useradd -m u710 && \
    echo 710 > /tmp/710
RUN useradd -m u711 && \
    echo 711 > /tmp/711
RUN useradd -m u712 && \
    echo 712 > /tmp/712
RUN useradd -m u713 && \
    echo 713 > /tmp/713
RUN useradd -m u714 && \
    echo 714 > /tmp/714
RUN useradd -m u715 && \
    echo 715 > /tmp/715
RUN useradd -m u716 && \
    echo 716 > /tmp/716
RUN useradd -m u717 && \
    echo 717 > /tmp/717
RUN useradd -m u718 && \
    echo 718 > /tmp/718
RUN useradd -m u719 && \
    echo 719 > /tmp/719
RUN useradd -m u720 && \
    echo 720 > /tmp/720
RUN useradd -m u721 && \
    echo 721 > /tmp/721
RUN useradd -m u722 && \
    echo 722 > /tmp/722
RUN useradd -m u723 && \
    echo 723 > /tmp/723
RUN useradd -m u724 && \
    echo 724 > /tmp/724
RUN useradd -m u725 && \
    echo 725 > /tmp/725
RUN useradd -m u726 && \
    echo 726 > /tmp/726
RUN useradd -m u727 && \
    echo 727 > /tmp/727
RUN useradd -m u728 && \
    echo 728 > /tmp/728
RUN useradd -m u729 && \
    echo 729 > /tmp/729
RUN useradd -m u730 && \
    echo 730 > /tmp/730
RUN useradd -m u731 && \
    echo 731 > /tmp/731
RUN useradd -m u732 && \
    echo 732 > /tmp/732
RUN useradd -m u733 && \
    echo 733 > /tmp/733
RUN useradd -m u734 && \
    echo 734 > /tmp/734
RUN useradd -m u735 && \
    echo 735 > /tmp/735
RUN useradd -m u736 && \
    echo 736 > /tmp/736
RUN useradd -m u737 && \
    echo 737 > /tmp/737
RUN useradd -m u738 && \
    echo 738 > /tmp/738
RUN useradd -m u739 && \
    echo 739 > /tmp/739
RUN useradd -m u740 && \
    echo 740 > /tmp/740
RUN useradd -m u741 && \
    echo 741 > /tmp/741
RUN useradd -m u742 && \
    echo 742 > /tmp/742
RUN useradd -m u743 && \
    echo 743 > /tmp/743
RUN useradd -m u744 && \
    echo 744 > /tmp/744
RUN useradd -m u745 && \
    echo 745 > /tmp/745
RUN useradd -m u746 && \
    echo 746 > /tmp/746
RUN useradd -m u747 && \
    echo 747 > /tmp/747
RUN useradd -m u748 && \
    echo 748 > /tmp/748
RUN useradd -m u749 && \
    echo 749 > /tmp/749
RUN useradd -m u750 && \
    echo 750 > /tmp/750
RUN useradd -m u751 && \
    echo 751 > /tmp/751
RUN useradd -m u752 && \
    echo 752 > /tmp/752
RUN useradd -m u753 && \
    echo 753 > /tmp/753
RUN useradd -m u754 && \
    echo 754 > /tmp/754
RUN useradd -m u755 && \
    echo 755 > /tmp/755
RUN useradd -m u756 && \
    echo 756 > /tmp/756
RUN useradd -m u757 && \
    echo 757 > /tmp/757
RUN useradd -m u758 && \
    echo 758 > /tmp/758
RUN useradd -m u759 && \
    echo 759 > /tmp/759
RUN useradd -m u760 && \
    echo 760 > /tmp/760
RUN useradd -m u761 && \
    echo 761 > /tmp/761
RUN useradd -m u762 && \
    echo 762 > /tmp/762
RUN useradd -m u763 && \
    echo 763 > /tmp/763
RUN useradd -m u764 && \
    echo 764 > /tmp/764
RUN useradd -m u765 && \
    echo 765 > /tmp/765
RUN useradd -m u766 && \
    echo 766 > /tmp/766
RUN useradd -m u767 && \
    echo 767 > /tmp/767
RUN useradd -m u768 && \
    echo 768 > /tmp/768
RUN useradd -m u769 && \
    echo 769 > /tmp/769
RUN useradd -m u770 && \
    echo 770 > /tmp/770
RUN useradd -m u771 && \
    echo 771 > /tmp/771
RUN useradd -m u772 && \
    echo 772 > /tmp/772
RUN useradd -m u773 && \
    echo 773 > /tmp/773
RUN useradd -m u774 && \
    echo 774 > /tmp/774
RUN useradd -m u775 && \
    echo 775 > /tmp/775
RUN useradd -m u776 && \
    echo 776 > /tmp/776
RUN useradd -m u777 && \
    echo 777 > /tmp/777
RUN useradd -m u778 && \
    echo 778 > /tmp/778
RUN useradd -m u779 && \
    echo 779 > /tmp/779
RUN useradd -m u780 && \
    echo 780 > /tmp/780
RUN useradd -m u781 && \
    echo 781 > /tmp/781
RUN useradd -m u782 && \
    echo 782 > /tmp/782
RUN useradd -m u783 && \
    echo 783 > /tmp/783
RUN useradd -m u784 && \
    echo 784 > /tmp/784
RUN useradd -m u785 && \
    echo 785 > /tmp/785
RUN useradd -m u786 && \
    echo 786 > /tmp/786
RUN useradd -m u787 && \
    echo 787 > /tmp/787
RUN useradd -m u788 && \
    echo 788 > /tmp/788
RUN useradd -m u789 && \
    echo 789 > /tmp/789
RUN useradd -m u790 && \
    echo 790 > /tmp/790
RUN useradd -m u791 && \
    echo 791 > /tmp/791
RUN useradd -m u792 && \
    echo 792 > /tmp/792
RUN useradd -m u793 && \
    echo 793 > /tmp/793
RUN useradd -m u794 && \
    echo 794 > /tmp/794
RUN useradd -m u795 && \
    echo 795 > /tmp/795
RUN useradd -m u796 && \
    echo 796 > /tmp/796
RUN useradd -m u797 && \
    echo 797 > /tmp/797
RUN useradd -m u798 && \
    echo 798 > /tmp/798
RUN useradd -m u799 && \
    echo 799 > /tmp/799
RUN useradd -m u800 && \
    echo 800 > /tmp/800
RUN useradd -m u801 && \
    echo 801 > /tmp/801
RUN useradd -m u802 && \
    echo 802 > /tmp/802
RUN useradd -m u803 && \
    echo 803 > /tmp/803
RUN useradd -m u804 && \
    echo 804 > /tmp/804
RUN useradd -m u805 && \
    echo 805 > /tmp/805
RUN useradd -m u806 && \
    echo 806 > /tmp/806
RUN useradd -m u807 && \
    echo 807 > /tmp/807
RUN useradd -m u808 && \
    echo 808 > /tmp/808
RUN useradd -m u809 && \
    echo 809 > /tmp/809
RUN useradd -m u810 && \
    echo 810 > /tmp/810
RUN useradd -m u811 && \
    echo 811 > /tmp/811
RUN useradd -m u812 && \
    echo 812 > /tmp/812
RUN useradd -m u813 && \
    echo 813 > /tmp/813
RUN useradd -m u814 && \
    echo 814 > /tmp/814
RUN useradd -m u815 && \
    echo 815 > /tmp/815
RUN useradd -m u816 && \
    echo 816 > /tmp/816
RUN useradd -m u817 && \
    echo 817 > /tmp/817
RUN useradd -m u818 && \
    echo 818 > /tmp/818
RUN useradd -m u819 && \
    echo 819 > /tmp/819
RUN useradd -m u820 && \
    echo 820 > /tmp/820
RUN useradd -m u821 && \
    echo 821 > /tmp/821
RUN useradd -m u822 && \
    echo 822 > /tmp/822
RUN useradd -m u823 && \
    echo 823 > /tmp/823
RUN useradd -m u824 && \
    echo 824 > /tmp/824
RUN useradd -m u825 && \
    echo 825 > /tmp/825
RUN useradd -m u826 && \
    echo 826 > /tmp/826
RUN useradd -m u827 && \
    echo 827 > /tmp/827
RUN useradd -m u828 && \
    echo 828 > /tmp/828
RUN useradd -m u829 && \
    echo 829 > /tmp/829
RUN useradd -m u830 && \
    echo 830 > /tmp/830
RUN useradd -m u831 && \
    echo 831 > /tmp/831
RUN useradd -m u832 && \
    echo 832 > /tmp/832
RUN useradd -m u833 && \
    echo 833 > /tmp/833
RUN useradd -m u834 && \
    echo 834 > /tmp/834
RUN useradd -m u835 && \
    echo 835 > /tmp/835
RUN useradd -m u836 && \
    echo 836 > /tmp/836
RUN useradd -m u837 && \
    echo 837 > /tmp/837
RUN useradd -m u838 && \
    echo 838 > /tmp/838
RUN useradd -m u839 && \
    echo 839 > /tmp/839
RUN useradd -m u840 && \
    echo 840 > /tmp/840
RUN useradd -m u841 && \
    echo 841 > /tmp/841
RUN useradd -m u842 && \
    echo 842 > /tmp/842
RUN useradd -m u843 && \
    echo 843 > /tmp/843
RUN useradd -m u844 && \
    echo 844 > /tmp/844
RUN useradd -m u845 && \
    echo 845 > /tmp/845
RUN useradd -m u846 && \
    echo 846 > /tmp/846
RUN useradd -m u847 && \
    echo 847 > /tmp/847
RUN useradd -m u848 && \
    echo 848 > /tmp/848
RUN useradd -m u849 && \
    echo 849 > /tmp/849
RUN useradd -m u850 && \
    echo 850 > /tmp/850
RUN useradd -m u851 && \
    echo 851 > /tmp/851
RUN useradd -m u852 && \
    echo 852 > /tmp/852
RUN useradd -m u853 && \
    echo 853 > /tmp/853
RUN useradd -m u854 && \
    echo 854 > /tmp/854
RUN useradd -m u855 && \
    echo 855 > /tmp/855
RUN useradd -m u856 && \
    echo 856 > /tmp/856
RUN useradd -m u857 && \
    echo 857 > /tmp/857
RUN useradd -m u858 && \
    echo 858 > /tmp/858
RUN useradd -m u859 && \
    echo 859 > /tmp/859
RUN useradd -m u860 && \
    echo 860 > /tmp/860
RUN useradd -m u861 && \
    echo 861 > /tmp/861
RUN useradd -m u862 && \
    echo 862 > /tmp/862
RUN useradd -m u863 && \
    echo 863 > /tmp/863
RUN useradd -m u864 && \
    echo 864 > /tmp/864
RUN useradd -m u865 && \
    echo 865 > /tmp/865
RUN useradd -m u866 && \
    echo 866 > /tmp/866
RUN useradd -m u867 && \
    echo 867 > /tmp/867
RUN useradd -m u868 && \
    echo 868 > /tmp/868
RUN useradd -m u869 && \
    echo 869 > /tmp/869
RUN useradd -m u870 && \
    echo 870 > /tmp/870
RUN useradd -m u871 && \
    echo 871 > /tmp/871
RUN useradd -m u872 && \
    echo 872 > /tmp/872
RUN useradd -m u873 && \
    echo 873 > /tmp/873
RUN useradd -m u874 && \
    echo 874 > /tmp/874
RUN useradd -m u875 && \
    echo 875 > /tmp/875
RUN useradd -m u876 && \
    echo 876 > /tmp/876
RUN useradd -m u877 && \
    echo 877 > /tmp/877
RUN useradd -m u878 && \
    echo 878 > /tmp/878
RUN useradd -m u879 && \
    echo 879 > /tmp/879
RUN useradd -m u880 && \
    echo 880 > /tmp/880
RUN useradd -m u881 && \
    echo 881 > /tmp/881
RUN useradd -m u882 && \
    echo 882 > /tmp/882
RUN useradd -m u883 && \
    echo 883 > /tmp/883
RUN useradd -m u884 && \
    echo 884 > /tmp/884
RUN useradd -m u885 && \
    echo 885 > /tmp/885
RUN useradd -m u886 && \
    echo 886 > /tmp/886
RUN useradd -m u887 && \
    echo 887 > /tmp/887
RUN useradd -m u888 && \
    echo 888 > /tmp/888
RUN useradd -m u889 && \
    echo 889 > /tmp/889
RUN useradd -m u890 && \
    echo 890 > /tmp/890
RUN useradd -m u891 && \
    echo 891 > /tmp/891
RUN useradd -m u892 && \
    echo 892 > /tmp/892
RUN useradd -m u893 && \
    echo 893 > /tmp/893
RUN useradd -m u894 && \
    echo 894 > /tmp/894
RUN useradd -m u895 && \
    echo 895 > /tmp/895
RUN useradd -m u896 && \
    echo 896 > /tmp/896
RUN useradd -m u897 && \
    echo 897 > /tmp/897
RUN useradd -m u898 && \
    echo 898 > /tmp/898
RUN useradd -m u899 && \
    echo 899 > /tmp/899
RUN useradd -m u900 && \
    echo 900 > /tmp/900
RUN useradd -m u901 && \
    echo 901 > /tmp/901
RUN useradd -m u902 && \
    echo 902 > /tmp/902
RUN useradd -m u903 && \
    echo 903 > /tmp/903
RUN useradd -m u904 && \
    echo 904 > /tmp/904
RUN useradd -m u905 && \
    echo 905 > /tmp/905
RUN useradd -m u906 && \
    echo 906 > /tmp/906
RUN useradd -m u907 && \
    echo 907 > /tmp/907
RUN useradd -m u908 && \
    echo 908 > /tmp/908
RUN useradd -m u909 && \
    echo 909 > /tmp/909
RUN useradd -m u910 && \
    echo 910 > /tmp/910
RUN useradd -m u911 && \
    echo 911 > /tmp/911
RUN useradd -m u912 && \
    echo 912 > /tmp/912
RUN useradd -m u913 && \
    echo 913 > /tmp/913
RUN useradd -m u914 && \
    echo 914 > /tmp/914
RUN useradd -m u915 && \
    echo 915 > /tmp/915
RUN useradd -m u916 && \
    echo 916 > /tmp/916
RUN useradd -m u917 && \
    echo 917 > /tmp/917
RUN useradd -m u918 && \
    echo 918 > /tmp/918
RUN useradd -m u919 && \
    echo 919 > /tmp/919
RUN useradd -m u920 && \
    echo 920 > /tmp/920
RUN useradd -m u921 && \
    echo 921 > /tmp/921
RUN useradd -m u922 && \
    echo 922 > /tmp/922
RUN useradd -m u923 && \
    echo 923 > /tmp/923
RUN useradd -m u924 && \
    echo 924 > /tmp/924
RUN useradd -m u925 && \
    echo 925 > /tmp/925
RUN useradd -m u926 && \
    echo 926 > /tmp/926
RUN useradd -m u927 && \
    echo 927 > /tmp/927
RUN useradd -m u928 && \
    echo 928 > /tmp/928
RUN useradd -m u929 && \
    echo 929 > /tmp/929
RUN useradd -m u930 && \
    echo 930 > /tmp/930
RUN useradd -m u931 && \
    echo 931 > /tmp/931
RUN useradd -m u932 && \
    echo 932 > /tmp/932
RUN useradd -m u933 && \
    echo 933 > /tmp/933
RUN useradd -m u934 && \
    echo 934 > /tmp/934
RUN useradd -m u935 && \
    echo 935 > /tmp/935
RUN useradd -m u936 && \
    echo 936 > /tmp/936
RUN useradd -m u937 && \
    echo 937 > /tmp/937
RUN useradd -m u938 && \
    echo 938 > /tmp/938
RUN useradd -m u939 && \
    echo 939 > /tmp/939
RUN useradd -m u940 && \
    echo 940 > /tmp/940
RUN useradd -m u941 && \
    echo 941 > /tmp/941
RUN useradd -m u942 && \
    echo 942 > /tmp/942
RUN useradd -m u943 && \
    echo 943 > /tmp/943
RUN useradd -m u944 && \
    echo 944 > /tmp/944
RUN useradd -m u945 && \
    echo 945 > /tmp/945
RUN useradd -m u946 && \
    echo 946 > /tmp/946
RUN useradd -m u947 && \
    echo 947 > /tmp/947
RUN useradd -m u948 && \
    echo 948 > /tmp/948
RUN useradd -m u949 && \
    echo 949 > /tmp/949
RUN useradd -m u950 && \
    echo 950 > /tmp/950
RUN useradd -m u951 && \
    echo 951 > /tmp/951
RUN useradd -m u952 && \
    echo 952 > /tmp/952
RUN useradd -m u953 && \
    echo 953 > /tmp/953
RUN useradd -m u954 && \
    echo 954 > /tmp/954
RUN useradd -m u955 && \
    echo 955 > /tmp/955
RUN useradd -m u956 && \
    echo 956 > /tmp/956
RUN useradd -m u957 && \
    echo 957 > /tmp/957
RUN useradd -m u958 && \
    echo 958 > /tmp/958
RUN useradd -m u959 && \
    echo 959 > /tmp/959
RUN useradd -m u960 && \
    echo 960 > /tmp/960
RUN useradd -m u961 && \
    echo 961 > /tmp/961
RUN useradd -m u962 && \
    echo 962 > /tmp/962
RUN useradd -m u963 && \
    echo 963 > /tmp/963
RUN useradd -m u964 && \
    echo 964 > /tmp/964
RUN useradd -m u965 && \
    echo 965 > /tmp/965
RUN useradd -m u966 && \
    echo 966 > /tmp/966
RUN useradd -m u967 && \
    echo 967 > /tmp/967
RUN useradd -m u968 && \
    echo 968 > /tmp/968
RUN useradd -m u969 && \
    echo 969 > /tmp/969
RUN useradd -m u970 && \
    echo 970 > /tmp/970
RUN useradd -m u971 && \
    echo 971 > /tmp/971
RUN useradd -m u972 && \
    echo 972 > /tmp/972
RUN useradd -m u973 && \
    echo 973 > /tmp/973
RUN useradd -m u974 && \
    echo 974 > /tmp/974
RUN useradd -m u975 && \
    echo 975 > /tmp/975
RUN useradd -m u976 && \
    echo 976 > /tmp/976
RUN useradd -m u977 && \
    echo 977 > /tmp/977
RUN useradd -m u978 && \
    echo 978 > /tmp/978
RUN useradd -m u979 && \
    echo 979 > /tmp/979
RUN useradd -m u980 && \
    echo 980 > /tmp/980
RUN useradd -m u981 && \
    echo 981 > /tmp/981
RUN useradd -m u982 && \
    echo 982 > /tmp/982
RUN useradd -m u983 && \
    echo 983 > /tmp/983
RUN useradd -m u984 && \
    echo 984 > /tmp/984
RUN useradd -m u985 && \
    echo 985 > /tmp/985
RUN useradd -m u986 && \
    echo 986 > /tmp/986
RUN useradd -m u987 && \
    echo 987 > /tmp/987
RUN useradd -m u988 && \
    echo 988 > /tmp/988
RUN useradd -m u989 && \
    echo 989 > /tmp/989
RUN useradd -m u990 && \
    echo 990 > /tmp/990
RUN useradd -m u991 && \
    echo 991 > /tmp/991
RUN useradd -m u992 && \
    echo 992 > /tmp/992
RUN useradd -m u993 && \
    echo 993 > /tmp/993
RUN useradd -m u994 && \
    echo 994 > /tmp/994
RUN useradd -m u995 && \
    echo 995 > /tmp/995
RUN useradd -m u996 && \
    echo 996 > /tmp/996
RUN useradd -m u997 && \
    echo 997 > /tmp/997
RUN useradd -m u998 && \
    echo 998 > /tmp/998
RUN useradd -m u999 && \
    echo 999 > /tmp/999
RUN useradd -m u1000 && \
    echo 1000 > /tmp/1000
RUN useradd -m u1001 && \
    echo 1001 > /tmp/1001
RUN useradd -m u1002 && \
    echo 1002 > /tmp/1002
RUN useradd -m u1003 && \
    echo 1003 > /tmp/1003
RUN useradd -m u1004 && \
    echo 1004 > /tmp/1004
RUN useradd -m u1005 && \
    echo 1005 > /tmp/1005
RUN useradd -m u1006 && \
    echo 1006 > /tmp/1006
RUN useradd -m u1007 && \
    echo 1007 > /tmp/1007
RUN useradd -m u1008 && \
    echo 1008 > /tmp/1008
RUN useradd -m u1009 && \
    echo 1009 > /tmp/1009
RUN useradd -m u1010 && \
    echo 1010 > /tmp/1010
RUN useradd -m u1011 && \
    echo 1011 > /tmp/1011
RUN useradd -m u1012 && \
    echo 1012 > /tmp/1012
RUN useradd -m u1013 && \
    echo 1013 > /tmp/1013
RUN useradd -m u1014 && \
    echo 1014 > /tmp/1014
RUN useradd -m u1015 && \
    echo 1015 > /tmp/1015
RUN useradd -m u1016 && \
    echo 1016 > /tmp/1016
RUN useradd -m u1017 && \
    echo 1017 > /tmp/1017
RUN useradd -m u1018 && \
    echo 1018 > /tmp/1018
RUN useradd -m u1019 && \
    echo 1019 > /tmp/1019
RUN useradd -m u1020 && \
    echo 1020 > /tmp/1020
RUN useradd -m u1021 && \
    echo 1021 > /tmp/1021
RUN useradd -m u1022 && \
    echo 1022 > /tmp/1022
RUN useradd -m u1023 && \
    echo 1023 > /tmp/1023
RUN useradd -m u1024 && \
    echo 1024 > /tmp/1024
RUN useradd -m u1025 && \
    echo 1025 > /tmp/1025
RUN useradd -m u1026 && \
    echo 1026 > /tmp/1026
RUN useradd -m u1027 && \
    echo 1027 > /tmp/1027
RUN useradd -m u1028 && \
    echo 1028 > /tmp/1028
RUN useradd -m u1029 && \
    echo 1029 > /tmp/1029
RUN useradd -m u1030 && \
    echo 1030 > /tmp/1030
RUN useradd -m u1031 && \
    echo 1031 > /tmp/1031
RUN useradd -m u1032 && \
    echo 1032 > /tmp/1032
RUN useradd -m u1033 && \
    echo 1033 > /tmp/1033
RUN useradd -m u1034 && \
    echo 1034 > /tmp/1034
RUN useradd -m u1035 && \
    echo 1035 > /tmp/1035
RUN useradd -m u1036 && \
    echo 1036 > /tmp/1036
RUN useradd -m u1037 && \
    echo 1037 > /tmp/1037
RUN useradd -m u1038 && \
    echo 1038 > /tmp/1038
RUN useradd -m u1039 && \
    echo 1039 > /tmp/1039
RUN useradd -m u1040 && \
    echo 1040 > /tmp/1040
RUN useradd -m u1041 && \
    echo 1041 > /tmp/1041
RUN useradd -m u1042 && \
    echo 1042 > /tmp/1042
RUN useradd -m u1043 && \
    echo 1043 > /tmp/1043
RUN useradd -m u1044 && \
    echo 1044 > /tmp/1044
RUN useradd -m u1045 && \
    echo 1045 > /tmp/1045
RUN useradd -m u1046 && \
    echo 1046 > /tmp/1046
RUN useradd -m u1047 && \
    echo 1047 > /tmp/1047
RUN useradd -m u1048 && \
    echo 1048 > /tmp/1048
RUN useradd -m u1049 && \
    echo 1049 > /tmp/1049
RUN useradd -m u1050 && \
    echo 1050 > /tmp/1050
RUN useradd -m u1051 && \
    echo 1051 > /tmp/1051
RUN useradd -m u1052 && \
    echo 1052 > /tmp/1052
RUN useradd -m u1053 && \
    echo 1053 > /tmp/1053
RUN useradd -m u1054 && \
    echo 1054 > /tmp/1054
RUN useradd -m u1055 && \
    echo 1055 > /tmp/1055
RUN useradd -m u1056 && \
    echo 1056 > /tmp/1056
RUN useradd -m u1057 && \
    echo 1057 > /tmp/1057
RUN useradd -m u1058 && \
    echo 1058 > /tmp/1058
RUN useradd -m u1059 && \
    echo 1059 > /tmp/1059
RUN useradd -m u1060 && \
    echo 1060 > /tmp/1060
RUN useradd -m u1061 && \
    echo 1061 > /tmp/1061
RUN useradd -m u1062 && \
    echo 1062 > /tmp/1062
RUN useradd -m u1063 && \
    echo 1063 > /tmp/1063
RUN useradd -m u1064 && \
    echo 1064 > /tmp/1064
RUN useradd -m u1065 && \
    echo 1065 > /tmp/1065
RUN useradd -m u1066 && \
    echo 1066 > /tmp/1066
RUN useradd -m u1067 && \
    echo 1067 > /tmp/1067
RUN useradd -m u1068 && \
    echo 1068 > /tmp/1068
RUN useradd -m u1069 && \
    echo 1069 > /tmp/1069
RUN useradd -m u1070 && \
    echo 1070 > /tmp/1070
RUN useradd -m u1071 && \
    echo 1071 > /tmp/1071
RUN useradd -m u1072 && \
    echo 1072 > /tmp/1072
RUN useradd -m u1073 && \
    echo 1073 > /tmp/1073
RUN useradd -m u1074 && \
    echo 1074 > /tmp/1074
RUN useradd -m u1075 && \
    echo 1075 > /tmp/1075
RUN useradd -m u1076 && \
    echo 1076 > /tmp/1076
RUN useradd -m u1077 && \
    echo 1077 > /tmp/1077
RUN useradd -m u1078 && \
    echo 1078 > /tmp/1078
RUN useradd -m u1079 && \
    echo 1079 > /tmp/1079
RUN useradd -m u1080 && \
    echo 1080 > /tmp/1080
RUN useradd -m u1081 && \
    echo 1081 > /tmp/1081
RUN useradd -m u1082 && \
    echo 1082 > /tmp/1082
RUN useradd -m u1083 && \
    echo 1083 > /tmp/1083
RUN useradd -m u1084 && \
    echo 1084 > /tmp/1084
RUN useradd -m u1085 && \
    echo 1085 > /tmp/1085
RUN useradd -m u1086 && \
    echo 1086 > /tmp/1086
RUN useradd -m u1087 && \
    echo 1087 > /tmp/1087
RUN useradd -m u1088 && \
    echo 1088 > /tmp/1088
RUN useradd -m u1089 && \
    echo 1089 > /tmp/1089
RUN useradd -m u1090 && \
    echo 1090 > /tmp/1090
RUN useradd -m u1091 && \
    echo 1091 > /tmp/1091
RUN useradd -m u1092 && \
    echo 1092 > /tmp/1092
RUN useradd -m u1093 && \
    echo 1093 > /tmp/1093
RUN useradd -m u1094 && \
    echo 1094 > /tmp/1094
RUN useradd -m u1095 && \
    echo 1095 > /tmp/1095
RUN useradd -m u1096 && \
    echo 1096 > /tmp/1096
RUN useradd -m u1097 && \
    echo 1097 > /tmp/1097
RUN useradd -m u1098 && \
    echo 1098 > /tmp/1098
RUN useradd -m u1099 && \
    echo 1099 > /tmp/1099
RUN useradd -m u1100 && \
    echo 1100 > /tmp/1100
RUN useradd -m u1101 && \
    echo 1101 > /tmp/1101
RUN useradd -m u1102 && \
    echo 1102 > /tmp/1102
RUN useradd -m u1103 && \
    echo 1103 > /tmp/1103
RUN useradd -m u1104 && \
    echo 1104 > /tmp/1104
RUN useradd -m u1105 && \
    echo 1105 > /tmp/1105
RUN useradd -m u1106 && \
    echo 1106 > /tmp/1106
RUN useradd -m u1107 && \
    echo 1107 > /tmp/1107
RUN useradd -m u1108 && \
    echo 1108 > /tmp/1108
RUN useradd -m u1109 && \
    echo 1109 > /tmp/1109
RUN useradd -m u1110 && \
    echo 1110 > /tmp/1110
RUN useradd -m u1111 && \
    echo 1111 > /tmp/1111
RUN useradd -m u1112 && \
    echo 1112 > /tmp/1112
RUN useradd -m u1113 && \
    echo 1113 > /tmp/1113
RUN useradd -m u1114 && \
    echo 1114 > /tmp/1114
RUN useradd -m u1115 && \
    echo 1115 > /tmp/1115
RUN useradd -m u1116 && \
    echo 1116 > /tmp/1116
RUN useradd -m u1117 && \
    echo 1117 > /tmp/1117
RUN useradd -m u1118 && \
    echo 1118 > /tmp/1118
RUN useradd -m u1119 && \
    echo 1119 > /tmp/1119
RUN useradd -m u1120 && \
    echo 1120 > /tmp/1120
RUN useradd -m u1121 && \
    echo 1121 > /tmp/1121
RUN useradd -m u1122 && \
    echo 1122 > /tmp/1122
RUN useradd -m u1123 && \
    echo 1123 > /tmp/1123
RUN useradd -m u1124 && \
    echo 1124 > /tmp/1124
RUN useradd -m u1125 && \
    echo 1125 > /tmp/1125
RUN useradd -m u1126 && \
    echo 1126 > /tmp/1126
RUN useradd -m u1127 && \
    echo 1127 > /tmp/1127
RUN useradd -m u1128 && \
    echo 1128 > /tmp/1128
RUN useradd -m u1129 && \
    echo 1129 > /tmp/1129
RUN useradd -m u1130 && \
    echo 1130 > /tmp/1130
RUN useradd -m u1131 && \
    echo 1131 > /tmp/1131
RUN useradd -m u1132 && \
    echo 1132 > /tmp/1132
RUN useradd -m u1133 && \
    echo 1133 > /tmp/1133
RUN useradd -m u1134 && \
    echo 1134 > /tmp/1134
RUN useradd -m u1135 && \
    echo 1135 > /tmp/1135
RUN useradd -m u1136 && \
    echo 1136 > /tmp/1136
RUN useradd -m u1137 && \
    echo 1137 > /tmp/1137
RUN useradd -m u1138 && \
    echo 1138 > /tmp/1138
RUN useradd -m u1139 && \
    echo 1139 > /tmp/1139
RUN useradd -m u1140 && \
    echo 1140 > /tmp/1140
RUN useradd -m u1141 && \
    echo 1141 > /tmp/1141
RUN useradd -m u1142 && \
    echo 1142 > /tmp/1142
RUN useradd -m u1143 && \
    echo 1143 > /tmp/1143
RUN useradd -m u1144 && \
    echo 1144 > /tmp/1144
RUN useradd -m u1145 && \
    echo 1145 > /tmp/1145
RUN useradd -m u1146 && \
    echo 1146 > /tmp/1146
RUN useradd -m u1147 && \
    echo 1147 > /tmp/1147
RUN useradd -m u1148 && \
    echo 1148 > /tmp/1148
RUN useradd -m u1149 && \
    echo 1149 > /tmp/1149
RUN useradd -m u1150 && \
    echo 1150 > /tmp/1150
RUN useradd -m u1151 && \
    echo 1151 > /tmp/1151
RUN useradd -m u1152 && \
    echo 1152 > /tmp/1152
RUN useradd -m u1153 && \
    echo 1153 > /tmp/1153
RUN useradd -m u1154 && \
    echo 1154 > /tmp/1154
RUN useradd -m u1155 && \
    echo 1155 > /tmp/1155
RUN useradd -m u1156 && \
    echo 1156 > /tmp/1156
RUN useradd -m u1157 && \
    echo 1157 > /tmp/1157
RUN useradd -m u1158 && \
    echo 1158 > /tmp/1158
RUN useradd -m u1159 && \
    echo 1159 > /tmp/1159
RUN useradd -m u1160 && \
    echo 1160 > /tmp/1160
RUN useradd -m u1161 && \
    echo 1161 > /tmp/1161
RUN useradd -m u1162 && \
    echo 1162 > /tmp/1162
RUN useradd -m u1163 && \
    echo 1163 > /tmp/1163
RUN useradd -m u1164 && \
    echo 1164 > /tmp/1164
RUN useradd -m u1165 && \
    echo 1165 > /tmp/1165
RUN useradd -m u1166 && \
    echo 1166 > /tmp/1166
RUN useradd -m u1167 && \
    echo 1167 > /tmp/1167
RUN useradd -m u1168 && \
    echo 1168 > /tmp/1168
RUN useradd -m u1169 && \
    echo 1169 > /tmp/1169
RUN useradd -m u1170 && \
    echo 1170 > /tmp/1170
RUN useradd -m u1171 && \
    echo 1171 > /tmp/1171
RUN useradd -m u1172 && \
    echo 1172 > /tmp/1172
RUN useradd -m u1173 && \
    echo 1173 > /tmp/1173
RUN useradd -m u1174 && \
    echo 1174 > /tmp/1174
RUN useradd -m u1175 && \
    echo 1175 > /tmp/1175
RUN useradd -m u1176 && \
    echo 1176 > /tmp/1176
RUN useradd -m u1177 && \
    echo 1177 > /tmp/1177
RUN useradd -m u1178 && \
    echo 1178 > /tmp/1178
RUN useradd -m u1179 && \
    echo 1179 > /tmp/1179
RUN useradd -m u1180 && \
    echo 1180 > /tmp/1180
RUN useradd -m u1181 && \
    echo 1181 > /tmp/1181
RUN useradd -m u1182 && \
    echo 1182 > /tmp/1182
RUN useradd -m u1183 && \
    echo 1183 > /tmp/1183
RUN useradd -m u1184 && \
    echo 1184 > /tmp/1184
RUN useradd -m u1185 && \
    echo 1185 > /tmp/1185
RUN useradd -m u1186 && \
    echo 1186 > /tmp/1186
RUN useradd -m u1187 && \
    echo 1187 > /tmp/1187
RUN useradd -m u1188 && \
    echo 1188 > /tmp/1188
RUN useradd -m u1189 && \
    echo 1189 > /tmp/1189
RUN useradd -m u1190 && \
    echo 1190 > /tmp/1190
RUN useradd -m u1191 && \
    echo 1191 > /tmp/1191
RUN useradd -m u1192 && \
    echo 1192 > /tmp/1192
RUN useradd -m u1193 && \
    echo 1193 > /tmp/1193
RUN useradd -m u1194 && \
    echo 1194 > /tmp/1194
RUN useradd -m u1195 && \
    echo 1195 > /tmp/1195
RUN useradd -m u1196 && \
    echo 1196 > /tmp/1196
RUN useradd -m u1197 && \
    echo 1197 > /tmp/1197
RUN useradd -m u1198 && \
    echo 1198 > /tmp/1198
RUN useradd -m u1199 && \
    echo 1199 > /tmp/1199
RUN useradd -m u1200 && \
    echo 1200 > /tmp/1200
RUN useradd -m u1201 && \
    echo 1201 > /tmp/1201
RUN useradd -m u1202 && \
    echo 1202 > /tmp/1202
RUN useradd -m u1203 && \
    echo 1203 > /tmp/1203
RUN useradd -m u1204 && \
    echo 1204 > /tmp/1204
RUN useradd -m u1205 && \
    echo 1205 > /tmp/1205
RUN useradd -m u1206 && \
    echo 1206 > /tmp/1206
RUN useradd -m u1207 && \
    echo 1207 > /tmp/1207
RUN useradd -m u1208 && \
    echo 1208 > /tmp/1208
RUN useradd -m u1209 && \
    echo 1209 > /tmp/1209
RUN useradd -m u1210 && \
    echo 1210 > /tmp/1210
RUN useradd -m u1211 && \
    echo 1211 > /tmp/1211
RUN useradd -m u1212 && \
    echo 1212 > /tmp/1212
RUN useradd -m u1213 && \
    echo 1213 > /tmp/1213
RUN useradd -m u1214 && \
    echo 1214 > /tmp/1214
RUN useradd -m u1215 && \
    echo 1215 > /tmp/1215
RUN useradd -m u1216 && \
    echo 1216 > /tmp/1216
RUN useradd -m u1217 && \
    echo 1217 > /tmp/1217
RUN useradd -m u1218 && \
    echo 1218 > /tmp/1218
RUN useradd -m u1219 && \
    echo 1219 > /tmp/1219
RUN useradd -m u1220 && \
    echo 1220 > /tmp/1220
RUN useradd -m u1221 && \
    echo 1221 > /tmp/1221
RUN useradd -m u1222 && \
    echo 1222 > /tmp/1222
RUN useradd -m u1223 && \
    echo 1223 > /tmp/1223
RUN useradd -m u1224 && \
    echo 1224 > /tmp/1224
RUN useradd -m u1225 && \
    echo 1225 > /tmp/1225
RUN useradd -m u1226 && \
    echo 1226 > /tmp/1226
RUN useradd -m u1227 && \
    echo 1227 > /tmp/1227
RUN useradd -m u1228 && \
    echo 1228 > /tmp/1228
RUN useradd -m u1229 && \
    echo 1229 > /tmp/1229
RUN useradd -m u1230 && \
    echo 1230 > /tmp/1230
RUN useradd -m u1231 && \
    echo 1231 > /tmp/1231
RUN useradd -m u1232 && \
    echo 1232 > /tmp/1232
RUN useradd -m u1233 && \
    echo 1233 > /tmp/1233
RUN useradd -m u1234 && \
    echo 1234 > /tmp/1234
RUN useradd -m u1235 && \
    echo 1235 > /tmp/1235
RUN useradd -m u1236 && \
    echo 1236 > /tmp/1236
RUN useradd -m u1237 && \
    echo 1237 > /tmp/1237
RUN useradd -m u1238 && \
    echo 1238 > /tmp/1238
RUN useradd -m u1239 && \
    echo 1239 > /tmp/1239
RUN useradd -m u1240 && \
    echo 1240 > /tmp/1240
RUN useradd -m u1241 && \
    echo 1241 > /tmp/1241
RUN useradd -m u1242 && \
    echo 1242 > /tmp/1242
RUN useradd -m u1243 && \
    echo 1243 > /tmp/1243
RUN useradd -m u1244 && \
    echo 1244 > /tmp/1244
RUN useradd -m u1245 && \
    echo 1245 > /tmp/1245
RUN useradd -m u1246 && \
    echo 1246 > /tmp/1246
RUN useradd -m u1247 && \
    echo 1247 > /tmp/1247
RUN useradd -m u1248 && \
    echo 1248 > /tmp/1248
RUN useradd -m u1249 && \
    echo 1249 > /tmp/1249
RUN useradd -m u1250 && \
    echo 1250 > /tmp/1250
RUN useradd -m u1251 && \
    echo 1251 > /tmp/1251
RUN useradd -m u1252 && \
    echo 1252 > /tmp/1252
RUN useradd -m u1253 && \
    echo 1253 > /tmp/1253
RUN useradd -m u1254 && \
    echo 1254 > /tmp/1254
RUN useradd -m u1255 && \
    echo 1255 > /tmp/1255
RUN useradd -m u1256 && \
    echo 1256 > /tmp/1256
RUN useradd -m u1257 && \
    echo 1257 > /tmp/1257
RUN useradd -m u1258 && \
    echo 1258 > /tmp/1258
RUN useradd -m u1259 && \
    echo 1259 > /tmp/1259
RUN useradd -m u1260 && \
    echo 1260 > /tmp/1260
RUN useradd -m u1261 && \
    echo 1261 > /tmp/1261
RUN useradd -m u1262 && \
    echo 1262 > /tmp/1262
RUN useradd -m u1263 && \
    echo 1263 > /tmp/1263
RUN useradd -m u1264 && \
    echo 1264 > /tmp/1264
RUN useradd -m u1265 && \
    echo 1265 > /tmp/1265
RUN useradd -m u1266 && \
    echo 1266 > /tmp/1266
RUN useradd -m u1267 && \
    echo 1267 > /tmp/1267
RUN useradd -m u1268 && \
    echo 1268 > /tmp/1268
RUN useradd -m u1269 && \
    echo 1269 > /tmp/1269
RUN useradd -m u1270 && \
    echo 1270 > /tmp/1270
RUN useradd -m u1271 && \
    echo 1271 > /tmp/1271
RUN useradd -m u1272 && \
    echo 1272 > /tmp/1272
RUN useradd -m u1273 && \
    echo 1273 > /tmp/1273
RUN useradd -m u1274 && \
    echo 1274 > /tmp/1274
RUN useradd -m u1275 && \
    echo 1275 > /tmp/1275
RUN useradd -m u1276 && \
    echo 1276 > /tmp/1276
RUN useradd -m u1277 && \
    echo 1277 > /tmp/1277
RUN useradd -m u1278 && \
    echo 1278 > /tmp/1278
RUN useradd -m u1279 && \
    echo 1279 > /tmp/1279
RUN useradd -m u1280 && \
    echo 1280 > /tmp/1280
RUN useradd -m u1281 && \
    echo 1281 > /tmp/1281
RUN useradd -m u1282 && \
    echo 1282 > /tmp/1282
RUN useradd -m u1283 && \
    echo 1283 > /tmp/1283
RUN useradd -m u1284 && \
    echo 1284 > /tmp/1284
RUN useradd -m u1285 && \
    echo 1285 > /tmp/1285
RUN useradd -m u1286 && \
    echo 1286 > /tmp/1286
RUN useradd -m u1287 && \
    echo 1287 > /tmp/1287
RUN useradd -m u1288 && \
    echo 1288 > /tmp/1288
RUN useradd -m u1289 && \
    echo 1289 > /tmp/1289
RUN useradd -m u1290 && \
    echo 1290 > /tmp/1290
RUN useradd -m u1291 && \
    echo 1291 > /tmp/1291
RUN useradd -m u1292 && \
    echo 1292 > /tmp/1292
RUN useradd -m u1293 && \
    echo 1293 > /tmp/1293
RUN useradd -m u1294 && \
    echo 1294 > /tmp/1294
RUN useradd -m u1295 && \
    echo 1295 > /tmp/1295
RUN useradd -m u1296 && \
    echo 1296 > /tmp/1296
RUN useradd -m u1297 && \
    echo 1297 > /tmp/1297
RUN useradd -m u1298 && \
    echo 1298 > /tmp/1298
RUN useradd -m u1299 && \
    echo 1299 > /tmp/1299
RUN useradd -m u1300 && \
    echo 1300 > /tmp/1300
RUN useradd -m u1301 && \
    echo 1301 > /tmp/1301
RUN useradd -m u1302 && \
    echo 1302 > /tmp/1302
RUN useradd -m u1303 && \
    echo 1303 > /tmp/1303
RUN useradd -m u1304 && \
    echo 1304 > /tmp/1304
RUN useradd -m u1305 && \
    echo 1305 > /tmp/1305
RUN useradd -m u1306 && \
    echo 1306 > /tmp/1306
RUN useradd -m u1307 && \
    echo 1307 > /tmp/1307
RUN useradd -m u1308 && \
    echo 1308 > /tmp/1308
RUN useradd -m u1309 && \
    echo 1309 > /tmp/1309
RUN useradd -m u1310 && \
    echo 1310 > /tmp/1310
RUN useradd -m u1311 && \
    echo 1311 > /tmp/1311
RUN useradd -m u1312 && \
    echo 1312 > /tmp/1312
RUN useradd -m u1313 && \
    echo 1313 > /tmp/1313
RUN useradd -m u1314 && \
    echo 1314 > /tmp/1314
RUN useradd -m u1315 && \
    echo 1315 > /tmp/1315
RUN useradd -m u1316 && \
    echo 1316 > /tmp/1316
RUN useradd -m u1317 && \
    echo 1317 > /tmp/1317
RUN useradd -m u1318 && \
    echo 1318 > /tmp/1318
RUN useradd -m u1319 && \
    echo 1319 > /tmp/1319
RUN useradd -m u1320 && \
    echo 1320 > /tmp/1320
RUN useradd -m u1321 && \
    echo 1321 > /tmp/1321
RUN useradd -m u1322 && \
    echo 1322 > /tmp/1322
RUN useradd -m u1323 && \
    echo 1323 > /tmp/1323
RUN useradd -m u1324 && \
    echo 1324 > /tmp/1324
RUN useradd -m u1325 && \
    echo 1325 > /tmp/1325
RUN useradd -m u1326 && \
    echo 1326 > /tmp/1326
RUN useradd -m u1327 && \
    echo 1327 > /tmp/1327
RUN useradd -m u1328 && \
    echo 1328 > /tmp/1328
RUN useradd -m u1329 && \
    echo 1329 > /tmp/1329
RUN useradd -m u1330 && \
    echo 1330 > /tmp/1330
RUN useradd -m u1331 && \
    echo 1331 > /tmp/1331
RUN useradd -m u1332 && \
    echo 1332 > /tmp/1332
RUN useradd -m u1333 && \
    echo 1333 > /tmp/1333
RUN useradd -m u1334 && \
    echo 1334 > /tmp/1334
RUN useradd -m u1335 && \
    echo 1335 > /tmp/1335
RUN useradd -m u1336 && \
    echo 1336 > /tmp/1336
RUN useradd -m u1337 && \
    echo 1337 > /tmp/1337
RUN useradd -m u1338 && \
    echo 1338 > /tmp/1338
RUN useradd -m u1339 && \
    echo 1339 > /tmp/1339
RUN useradd -m u1340 && \
    echo 1340 > /tmp/1340
RUN useradd -m u1341 && \
    echo 1341 > /tmp/1341
RUN useradd -m u1342 && \
    echo 1342 > /tmp/1342
RUN useradd -m u1343 && \
    echo 1343 > /tmp/1343
RUN useradd -m u1344 && \
    echo 1344 > /tmp/1344
RUN useradd -m u1345 && \
    echo 1345 > /tmp/1345
RUN useradd -m u1346 && \
    echo 1346 > /tmp/1346
RUN useradd -m u1347 && \
    echo 1347 > /tmp/1347
RUN useradd -m u1348 && \
    echo 1348 > /tmp/1348
RUN useradd -m u1349 && \
    echo 1349 > /tmp/1349
RUN useradd -m u1350 && \
    echo 1350 > /tmp/1350
RUN useradd -m u1351 && \
    echo 1351 > /tmp/1351
RUN useradd -m u1352 && \
    echo 1352 > /tmp/1352
RUN useradd -m u1353 && \
    echo 1353 > /tmp/1353
RUN useradd -m u1354 && \
    echo 1354 > /tmp/1354
RUN useradd -m u1355 && \
    echo 1355 > /tmp/1355
RUN useradd -m u1356 && \
    echo 1356 > /tmp/1356
RUN useradd -m u1357 && \
    echo 1357 > /tmp/1357
RUN useradd -m u1358 && \
    echo 1358 > /tmp/1358
RUN useradd -m u1359 && \
    echo 1359 > /tmp/1359
RUN useradd -m u1360 && \
    echo 1360 > /tmp/1360
RUN useradd -m u1361 && \
    echo 1361 > /tmp/1361
RUN useradd -m u1362 && \
    echo 1362 > /tmp/1362
RUN useradd -m u1363 && \
    echo 1363 > /tmp/1363
RUN useradd -m u1364 && \
    echo 1364 > /tmp/1364
RUN useradd -m u1365 && \
    echo 1365 > /tmp/1365
RUN useradd -m u1366 && \
    echo 1366 > /tmp/1366
RUN useradd -m u1367 && \
    echo 1367 > /tmp/1367
RUN useradd -m u1368 && \
    echo 1368 > /tmp/1368
RUN useradd -m u1369 && \
    echo 1369 > /tmp/1369
RUN useradd -m u1370 && \
    echo 1370 > /tmp/1370
RUN useradd -m u1371 && \
    echo 1371 > /tmp/1371
RUN useradd -m u1372 && \
    echo 1372 > /tmp/1372
RUN useradd -m u1373 && \
    echo 1373 > /tmp/1373
RUN useradd -m u1374 && \
    echo 1374 > /tmp/1374
RUN useradd -m u1375 && \
    echo 1375 > /tmp/1375
RUN useradd -m u1376 && \
    echo 1376 > /tmp/1376
RUN useradd -m u1377 && \
    echo 1377 > /tmp/1377
RUN useradd -m u1378 && \
    echo 1378 > /tmp/1378
RUN useradd -m u1379 && \
    echo 1379 > /tmp/1379
RUN useradd -m u1380 && \
    echo 1380 > /tmp/1380
RUN useradd -m u1381 && \
    echo 1381 > /tmp/1381
RUN useradd -m u1382 && \
    echo 1382 > /tmp/1382
RUN useradd -m u1383 && \
    echo 1383 > /tmp/1383
RUN useradd -m u1384 && \
    echo 1384 > /tmp/1384
RUN useradd -m u1385 && \
    echo 1385 > /tmp/1385
RUN useradd -m u1386 && \
    echo 1386 > /tmp/1386
RUN useradd -m u1387 && \
    echo 1387 > /tmp/1387
RUN useradd -m u1388 && \
    echo 1388 > /tmp/1388
RUN useradd -m u1389 && \
    echo 1389 > /tmp/1389
RUN useradd -m u1390 && \
    echo 1390 > /tmp/1390
RUN useradd -m u1391 && \
    echo 1391 > /tmp/1391
RUN useradd -m u1392 && \
    echo 1392 > /tmp/1392
RUN useradd -m u1393 && \
    echo 1393 > /tmp/1393
RUN useradd -m u1394 && \
    echo 1394 > /tmp/1394
RUN useradd -m u1395 && \
    echo 1395 > /tmp/1395
RUN useradd -m u1396 && \
    echo 1396 > /tmp/1396
RUN useradd -m u1397 && \
    echo 1397 > /tmp/1397
RUN useradd -m u1398 && \
    echo 1398 > /tmp/1398
RUN useradd -m u1399 && \
    echo 1399 > /tmp/1399
RUN useradd -m u1400 && \
    echo 1400 > /tmp/1400
RUN useradd -m u1401 && \
    echo 1401 > /tmp/1401
RUN useradd -m u1402 && \
    echo 1402 > /tmp/1402
RUN useradd -m u1403 && \
    echo 1403 > /tmp/1403
RUN useradd -m u1404 && \
    echo 1404 > /tmp/1404
RUN useradd -m u1405 && \
    echo 1405 > /tmp/1405
RUN useradd -m u1406 && \
    echo 1406 > /tmp/1406
RUN useradd -m u1407 && \
    echo 1407 > /tmp/1407
RUN useradd -m u1408 && \
    echo 1408 > /tmp/1408
RUN useradd -m u1409 && \
    echo 1409 > /tmp/1409
RUN useradd -m u1410 && \
    echo 1410 > /tmp/1410
RUN useradd -m u1411 && \
    echo 1411 > /tmp/1411
RUN useradd -m u1412 && \
    echo 1412 > /tmp/1412
RUN useradd -m u1413 && \
    echo 1413 > /tmp/1413
RUN useradd -m u1414 && \
    echo 1414 > /tmp/1414
RUN useradd -m u1415 && \
    echo 1415 > /tmp/1415
RUN useradd -m u1416 && \
    echo 1416 > /tmp/1416
RUN useradd -m u1417 && \
    echo 1417 > /tmp/1417
RUN useradd -m u1418 && \
    echo 1418 > /tmp/1418
RUN useradd -m u1419 && \
    echo 1419 > /tmp/1419
RUN useradd -m u1420 && \
    echo 1420 > /tmp/1420
RUN useradd -m u1421 && \
    echo 1421 > /tmp/1421
RUN useradd -m u1422 && \
    echo 1422 > /tmp/1422
RUN useradd -m u1423 && \
    echo 1423 > /tmp/1423
RUN useradd -m u1424 && \
    echo 1424 > /tmp/1424
RUN useradd -m u1425 && \
    echo 1425 > /tmp/1425
RUN useradd -m u1426 && \
    echo 1426 > /tmp/1426
RUN useradd -m u1427 && \
    echo 1427 > /tmp/1427
RUN useradd -m u1428 && \
    echo 1428 > /tmp/1428
RUN useradd -m u1429 && \
    echo 1429 > /tmp/1429
RUN useradd -m u1430 && \
    echo 1430 > /tmp/1430
RUN useradd -m u1431 && \
    echo 1431 > /tmp/1431
RUN useradd -m u1432 && \
    echo 1432 > /tmp/1432
RUN useradd -m u1433 && \
    echo 1433 > /tmp/1433
RUN useradd -m u1434 && \
    echo 1434 > /tmp/1434
RUN useradd -m u1435 && \
    echo 1435 > /tmp/1435
RUN useradd -m u1436 && \
    echo 1436 > /tmp/1436
RUN useradd -m u1437 && \
    echo 1437 > /tmp/1437
RUN useradd -m u1438 && \
    echo 1438 > /tmp/1438
RUN useradd -m u1439 && \
    echo 1439 > /tmp/1439
RUN useradd -m u1440 && \
    echo 1440 > /tmp/1440
RUN useradd -m u1441 && \
    echo 1441 > /tmp/1441
RUN useradd -m u1442 && \
    echo 1442 > /tmp/1442
RUN useradd -m u1443 && \
    echo 1443 > /tmp/1443
RUN useradd -m u1444 && \
    echo 1444 > /tmp/1444
RUN useradd -m u1445 && \
    echo 1445 > /tmp/1445
RUN useradd -m u1446 && \
    echo 1446 > /tmp/1446
RUN useradd -m u1447 && \
    echo 1447 > /tmp/1447
RUN useradd -m u1448 && \
    echo 1448 > /tmp/1448
RUN useradd -m u1449 && \
    echo 1449 > /tmp/1449
RUN useradd -m u1450 && \
    echo 1450 > /tmp/1450
RUN useradd -m u1451 && \
    echo 1451 > /tmp/1451
RUN useradd -m u1452 && \
    echo 1452 > /tmp/1452
RUN useradd -m u1453 && \
    echo 1453 > /tmp/1453
RUN useradd -m u1454 && \
    echo 1454 > /tmp/1454
RUN useradd -m u1455 && \
    echo 1455 > /tmp/1455
RUN useradd -m u1456 && \
    echo 1456 > /tmp/1456
RUN useradd -m u1457 && \
    echo 1457 > /tmp/1457
RUN useradd -m u1458 && \
    echo 1458 > /tmp/1458
RUN useradd -m u1459 && \
    echo 1459 > /tmp/1459
RUN useradd -m u1460 && \
    echo 1460 > /tmp/1460
RUN useradd -m u1461 && \
    echo 1461 > /tmp/1461
RUN useradd -m u1462 && \
    echo 1462 > /tmp/1462
RUN useradd -m u1463 && \
    echo 1463 > /tmp/1463
RUN useradd -m u1464 && \
    echo 1464 > /tmp/1464
RUN useradd -m u1465 && \
    echo 1465 > /tmp/1465
RUN useradd -m u1466 && \
    echo 1466 > /tmp/1466
RUN useradd -m u1467 && \
    echo 1467 > /tmp/1467
RUN useradd -m u1468 && \
    echo 1468 > /tmp/1468
RUN useradd -m u1469 && \
    echo 1469 > /tmp/1469
RUN useradd -m u1470 && \
    echo 1470 > /tmp/1470
RUN useradd -m u1471 && \
    echo 1471 > /tmp/1471
RUN useradd -m u1472 && \
    echo 1472 > /tmp/1472
RUN useradd -m u1473 && \
    echo 1473 > /tmp/1473
RUN useradd -m u1474 && \
    echo 1474 > /tmp/1474
RUN useradd -m u1475 && \
    echo 1475 > /tmp/1475
RUN useradd -m u1476 && \
    echo 1476 > /tmp/1476
RUN useradd -m u1477 && \
    echo 1477 > /tmp/1477
RUN useradd -m u1478 && \
    echo 1478 > /tmp/1478
RUN useradd -m u1479 && \
    echo 1479 > /tmp/1479
RUN useradd -m u1480 && \
    echo 1480 > /tmp/1480
RUN useradd -m u1481 && \
    echo 1481 > /tmp/1481
RUN useradd -m u1482 && \
    echo 1482 > /tmp/1482
RUN useradd -m u1483 && \
    echo 1483 > /tmp/1483
RUN useradd -m u1484 && \
    echo 1484 > /tmp/1484
RUN useradd -m u1485 && \
    echo 1485 > /tmp/1485
RUN useradd -m u1486 && \
    echo 1486 > /tmp/1486
RUN useradd -m u1487 && \
    echo 1487 > /tmp/1487
RUN useradd -m u1488 && \
    echo 1488 > /tmp/1488
RUN useradd -m u1489 && \
    echo 1489 > /tmp/1489
RUN useradd -m u1490 && \
    echo 1490 > /tmp/1490
RUN useradd -m u1491 && \
    echo 1491 > /tmp/1491
RUN useradd -m u1492 && \
    echo 1492 > /tmp/1492
RUN useradd -m u1493 && \
    echo 1493 > /tmp/1493
RUN useradd -m u1494 && \
    echo 1494 > /tmp/1494
RUN useradd -m u1495 && \
    echo 1495 > /tmp/1495
RUN useradd -m u1496 && \
    echo 1496 > /tmp/1496
RUN useradd -m u1497 && \
    echo 1497 > /tmp/1497
RUN useradd -m u1498 && \
    echo 1498 > /tmp/1498
RUN useradd -m u1499 && \
    echo 1499 > /tmp/1499
RUN useradd -m u1500 && \
    echo 1500 > /tmp/1500
RUN useradd -m u1501 && \
    echo 1501 > /tmp/1501
RUN useradd -m u1502 && \
    echo 1502 > /tmp/1502
RUN useradd -m u1503 && \
    echo 1503 > /tmp/1503
RUN useradd -m u1504 && \
    echo 1504 > /tmp/1504
RUN useradd -m u1505 && \
    echo 1505 > /tmp/1505
RUN useradd -m u1506 && \
    echo 1506 > /tmp/1506
RUN useradd -m u1507 && \
    echo 1507 > /tmp/1507
RUN useradd -m u1508 && \
    echo 1508 > /tmp/1508
RUN useradd -m u1509 && \
    echo 1509 > /tmp/1509
RUN useradd -m u1510 && \
    echo 1510 > /tmp/1510
RUN useradd -m u1511 && \
    echo 1511 > /tmp/1511
RUN useradd -m u1512 && \
    echo 1512 > /tmp/1512
RUN useradd -m u1513 && \
    echo 1513 > /tmp/1513
RUN useradd -m u1514 && \
    echo 1514 > /tmp/1514
RUN useradd -m u1515 && \
    echo 1515 > /tmp/1515
RUN useradd -m u1516 && \
    echo 1516 > /tmp/1516
RUN useradd -m u1517 && \
    echo 1517 > /tmp/1517
RUN useradd -m u1518 && \
    echo 1518 > /tmp/1518
RUN useradd -m u1519 && \
    echo 1519 > /tmp/1519
RUN useradd -m u1520 && \
    echo 1520 > /tmp/1520
RUN useradd -m u1521 && \
    echo 1521 > /tmp/1521
RUN useradd -m u1522 && \
    echo 1522 > /tmp/1522
RUN useradd -m u1523 && \
    echo 1523 > /tmp/1523
RUN useradd -m u1524 && \
    echo 1524 > /tmp/1524
RUN useradd -m u1525 && \
    echo 1525 > /tmp/1525
RUN useradd -m u1526 && \
    echo 1526 > /tmp/1526
RUN useradd -m u1527 && \
    echo 1527 > /tmp/1527
RUN useradd -m u1528 && \
    echo 1528 > /tmp/1528
RUN useradd -m u1529 && \
    echo 1529 > /tmp/1529
RUN useradd -m u1530 && \
    echo 1530 > /tmp/1530
RUN useradd -m u1531 && \
    echo 1531 > /tmp/1531
RUN useradd -m u1532 && \
    echo 1532 > /tmp/1532
RUN useradd -m u1533 && \
    echo 1533 > /tmp/1533
RUN useradd -m u1534 && \
    echo 1534 > /tmp/1534
RUN useradd -m u1535 && \
    echo 1535 > /tmp/1535
RUN useradd -m u1536 && \
    echo 1536 > /tmp/1536
RUN useradd -m u1537 && \
    echo 1537 > /tmp/1537
RUN useradd -m u1538 && \
    echo 1538 > /tmp/1538
RUN useradd -m u1539 && \
    echo 1539 > /tmp/1539
RUN useradd -m u1540 && \
    echo 1540 > /tmp/1540
RUN useradd -m u1541 && \
    echo 1541 > /tmp/1541
RUN useradd -m u1542 && \
    echo 1542 > /tmp/1542
RUN useradd -m u1543 && \
    echo 1543 > /tmp/1543
RUN useradd -m u1544 && \
    echo 1544 > /tmp/1544
RUN useradd -m u1545 && \
    echo 1545 > /tmp/1545
RUN useradd -m u1546 && \
    echo 1546 > /tmp/1546
RUN useradd -m u1547 && \
    echo 1547 > /tmp/1547
RUN useradd -m u1548 && \
    echo 1548 > /tmp/1548
RUN useradd -m u1549 && \
    echo 1549 > /tmp/1549
RUN useradd -m u1550 && \
    echo 1550 > /tmp/1550
RUN useradd -m u1551 && \
    echo 1551 > /tmp/1551
RUN useradd -m u1552 && \
    echo 1552 > /tmp/1552
RUN useradd -m u1553 && \
    echo 1553 > /tmp/1553
RUN useradd -m u1554 && \
    echo 1554 > /tmp/1554
RUN useradd -m u1555 && \
    echo 1555 > /tmp/1555
RUN useradd -m u1556 && \
    echo 1556 > /tmp/1556
RUN useradd -m u1557 && \
    echo 1557 > /tmp/1557
RUN useradd -m u1558 && \
    echo 1558 > /tmp/1558
RUN useradd -m u1559 && \
    echo 1559 > /tmp/1559
RUN useradd -m u1560 && \
    echo 1560 > /tmp/1560
RUN useradd -m u1561 && \
    echo 1561 > /tmp/1561
RUN useradd -m u1562 && \
    echo 1562 > /tmp/1562
RUN useradd -m u1563 && \
    echo 1563 > /tmp/1563
RUN useradd -m u1564 && \
    echo 1564 > /tmp/1564
RUN useradd -m u1565 && \
    echo 1565 > /tmp/1565
RUN useradd -m u1566 && \
    echo 1566 > /tmp/1566
RUN useradd -m u1567 && \
    echo 1567 > /tmp/1567
RUN useradd -m u1568 && \
    echo 1568 > /tmp/1568
RUN useradd -m u1569 && \
    echo 1569 > /tmp/1569
RUN useradd -m u1570 && \
    echo 1570 > /tmp/1570
RUN useradd -m u1571 && \
    echo 1571 > /tmp/1571
RUN useradd -m u1572 && \
    echo 1572 > /tmp/1572
RUN useradd -m u1573 && \
    echo 1573 > /tmp/1573
RUN useradd -m u1574 && \
    echo 1574 > /tmp/1574
RUN useradd -m u1575 && \
    echo 1575 > /tmp/1575
RUN useradd -m u1576 && \
    echo 1576 > /tmp/1576
RUN useradd -m u1577 && \
    echo 1577 > /tmp/1577
RUN useradd -m u1578 && \
    echo 1578 > /tmp/1578
RUN useradd -m u1579 && \
    echo 1579 > /tmp/1579
RUN useradd -m u1580 && \
    echo 1580 > /tmp/1580
RUN useradd -m u1581 && \
    echo 1581 > /tmp/1581
RUN useradd -m u1582 && \
    echo 1582 > /tmp/1582
RUN useradd -m u1583 && \
    echo 1583 > /tmp/1583
RUN useradd -m u1584 && \
    echo 1584 > /tmp/1584
RUN useradd -m u1585 && \
    echo 1585 > /tmp/1585
RUN useradd -m u1586 && \
    echo 1586 > /tmp/1586
RUN useradd -m u1587 && \
    echo 1587 > /tmp/1587
RUN useradd -m u1588 && \
    echo 1588 > /tmp/1588
RUN useradd -m u1589 && \
    echo 1589 > /tmp/1589
RUN useradd -m u1590 && \
    echo 1590 > /tmp/1590
RUN useradd -m u1591 && \
    echo 1591 > /tmp/1591
RUN useradd -m u1592 && \
    echo 1592 > /tmp/1592
RUN useradd -m u1593 && \
    echo 1593 > /tmp/1593
RUN useradd -m u1594 && \
    echo 1594 > /tmp/1594
RUN useradd -m u1595 && \
    echo 1595 > /tmp/1595
RUN useradd -m u1596 && \
    echo 1596 > /tmp/1596
RUN useradd -m u1597 && \
    echo 1597 > /tmp/1597
RUN useradd -m u1598 && \
    echo 1598 > /tmp/1598
RUN useradd -m u1599 && \
    echo 1599 > /tmp/1599
RUN useradd -m u1600 && \
    echo 1600 > /tmp/1600
RUN useradd -m u1601 && \
    echo 1601 > /tmp/1601
RUN useradd -m u1602 && \
    echo 1602 > /tmp/1602
RUN useradd -m u1603 && \
    echo 1603 > /tmp/1603
RUN useradd -m u1604 && \
    echo 1604 > /tmp/1604
RUN useradd -m u1605 && \
    echo 1605 > /tmp/1605
RUN useradd -m u1606 && \
    echo 1606 > /tmp/1606
RUN useradd -m u1607 && \
    echo 1607 > /tmp/1607
RUN useradd -m u1608 && \
    echo 1608 > /tmp/1608
RUN useradd -m u1609 && \
    echo 1609 > /tmp/1609
RUN useradd -m u1610 && \
    echo 1610 > /tmp/1610
RUN useradd -m u1611 && \
    echo 1611 > /tmp/1611
RUN useradd -m u1612 && \
    echo 1612 > /tmp/1612
RUN useradd -m u1613 && \
    echo 1613 > /tmp/1613
RUN useradd -m u1614 && \
    echo 1614 > /tmp/1614
RUN useradd -m u1615 && \
    echo 1615 > /tmp/1615
RUN useradd -m u1616 && \
    echo 1616 > /tmp/1616
RUN useradd -m u1617 && \
    echo 1617 > /tmp/1617
RUN useradd -m u1618 && \
    echo 1618 > /tmp/1618
RUN useradd -m u1619 && \
    echo 1619 > /tmp/1619
RUN useradd -m u1620 && \
    echo 1620 > /tmp/1620
RUN useradd -m u1621 && \
    echo 1621 > /tmp/1621
RUN useradd -m u1622 && \
    echo 1622 > /tmp/1622
RUN useradd -m u1623 && \
    echo 1623 > /tmp/1623
RUN useradd -m u1624 && \
    echo 1624 > /tmp/1624
RUN useradd -m u1625 && \
    echo 1625 > /tmp/1625
RUN useradd -m u1626 && \
    echo 1626 > /tmp/1626
RUN useradd -m u1627 && \
    echo 1627 > /tmp/1627
RUN useradd -m u1628 && \
    echo 1628 > /tmp/1628
RUN useradd -m u1629 && \
    echo 1629 > /tmp/1629
RUN useradd -m u1630 && \
    echo 1630 > /tmp/1630
RUN useradd -m u1631 && \
    echo 1631 > /tmp/1631
RUN useradd -m u1632 && \
    echo 1632 > /tmp/1632
RUN useradd -m u1633 && \
    echo 1633 > /tmp/1633
RUN useradd -m u1634 && \
    echo 1634 > /tmp/1634
RUN useradd -m u1635 && \
    echo 1635 > /tmp/1635
RUN useradd -m u1636 && \
    echo 1636 > /tmp/1636
RUN useradd -m u1637 && \
    echo 1637 > /tmp/1637
RUN useradd -m u1638 && \
    echo 1638 > /tmp/1638
RUN useradd -m u1639 && \
    echo 1639 > /tmp/1639
RUN useradd -m u1640 && \
    echo 1640 > /tmp/1640
RUN useradd -m u1641 && \
    echo 1641 > /tmp/1641
RUN useradd -m u1642 && \
    echo 1642 > /tmp/1642
RUN useradd -m u1643 && \
    echo 1643 > /tmp/1643
RUN useradd -m u1644 && \
    echo 1644 > /tmp/1644
RUN useradd -m u1645 && \
    echo 1645 > /tmp/1645
RUN useradd -m u1646 && \
    echo 1646 > /tmp/1646
RUN useradd -m u1647 && \
    echo 1647 > /tmp/1647
RUN useradd -m u1648 && \
    echo 1648 > /tmp/1648
RUN useradd -m u1649 && \
    echo 1649 > /tmp/1649
RUN useradd -m u1650 && \
    echo 1650 > /tmp/1650
RUN useradd -m u1651 && \
    echo 1651 > /tmp/1651
RUN useradd -m u1652 && \
    echo 1652 > /tmp/1652
RUN useradd -m u1653 && \
    echo 1653 > /tmp/1653
RUN useradd -m u1654 && \
    echo 1654 > /tmp/1654
RUN useradd -m u1655 && \
    echo 1655 > /tmp/1655
RUN useradd -m u1656 && \
    echo 1656 > /tmp/1656
RUN useradd -m u1657 && \
    echo 1657 > /tmp/1657
RUN useradd -m u1658 && \
    echo 1658 > /tmp/1658
RUN useradd -m u1659 && \
    echo 1659 > /tmp/1659
RUN useradd -m u1660 && \
    echo 1660 > /tmp/1660
RUN useradd -m u1661 && \
    echo 1661 > /tmp/1661
RUN useradd -m u1662 && \
    echo 1662 > /tmp/1662
RUN useradd -m u1663 && \
    echo 1663 > /tmp/1663
RUN useradd -m u1664 && \
    echo 1664 > /tmp/1664
RUN useradd -m u1665 && \
    echo 1665 > /tmp/1665
RUN useradd -m u1666 && \
    echo 1666 > /tmp/1666
RUN useradd -m u1667 && \
    echo 1667 > /tmp/1667
RUN useradd -m u1668 && \
    echo 1668 > /tmp/1668
RUN useradd -m u1669 && \
    echo 1669 > /tmp/1669
RUN useradd -m u1670 && \
    echo 1670 > /tmp/1670
RUN useradd -m u1671 && \
    echo 1671 > /tmp/1671
RUN useradd -m u1672 && \
    echo 1672 > /tmp/1672
RUN useradd -m u1673 && \
    echo 1673 > /tmp/1673
RUN useradd -m u1674 && \
    echo 1674 > /tmp/1674
RUN useradd -m u1675 && \
    echo 1675 > /tmp/1675
RUN useradd -m u1676 && \
    echo 1676 > /tmp/1676
RUN useradd -m u1677 && \
    echo 1677 > /tmp/1677
RUN useradd -m u1678 && \
    echo 1678 > /tmp/1678
RUN useradd -m u1679 && \
    echo 1679 > /tmp/1679
RUN useradd -m u1680 && \
    echo 1680 > /tmp/1680
RUN useradd -m u1681 && \
    echo 1681 > /tmp/1681
RUN useradd -m u1682 && \
    echo 1682 > /tmp/1682
RUN useradd -m u1683 && \
    echo 1683 > /tmp/1683
RUN useradd -m u1684 && \
    echo 1684 > /tmp/1684
RUN useradd -m u1685 && \
    echo 1685 > /tmp/1685
RUN useradd -m u1686 && \
    echo 1686 > /tmp/1686
RUN useradd -m u1687 && \
    echo 1687 > /tmp/1687
RUN useradd -m u1688 && \
    echo 1688 > /tmp/1688
RUN useradd -m u1689 && \
    echo 1689 > /tmp/1689
RUN useradd -m u1690 && \
    echo 1690 > /tmp/1690
RUN useradd -m u1691 && \
    echo 1691 > /tmp/1691
RUN useradd -m u1692 && \
    echo 1692 > /tmp/1692
RUN useradd -m u1693 && \
    echo 1693 > /tmp/1693
RUN useradd -m u1694 && \
    echo 1694 > /tmp/1694
RUN useradd -m u1695 && \
    echo 1695 > /tmp/1695
RUN useradd -m u1696 && \
    echo 1696 > /tmp/1696
RUN useradd -m u1697 && \
    echo 1697 > /tmp/1697
RUN useradd -m u1698 && \
    echo 1698 > /tmp/1698
RUN useradd -m u1699 && \
    echo 1699 > /tmp/1699
RUN useradd -m u1700 && \
    echo 1700 > /tmp/1700
RUN useradd -m u1701 && \
    echo 1701 > /tmp/1701
RUN useradd -m u1702 && \
    echo 1702 > /tmp/1702
RUN useradd -m u1703 && \
    echo 1703 > /tmp/1703
RUN useradd -m u1704 && \
    echo 1704 > /tmp/1704
RUN useradd -m u1705 && \
    echo 1705 > /tmp/1705
RUN useradd -m u1706 && \
    echo 1706 > /tmp/1706
RUN useradd -m u1707 && \
    echo 1707 > /tmp/1707
RUN useradd -m u1708 && \
    echo 1708 > /tmp/1708
RUN useradd -m u1709 && \
    echo 1709 > /tmp/1709
RUN useradd -m u1710 && \
    echo 1710 > /tmp/1710
RUN useradd -m u1711 && \
    echo 1711 > /tmp/1711
RUN useradd -m u1712 && \
    echo 1712 > /tmp/1712
RUN useradd -m u1713 && \
    echo 1713 > /tmp/1713
RUN useradd -m u1714 && \
    echo 1714 > /tmp/1714
RUN useradd -m u1715 && \
    echo 1715 > /tmp/1715
RUN useradd -m u1716 && \
    echo 1716 > /tmp/1716
RUN useradd -m u1717 && \
    echo 1717 > /tmp/1717
RUN useradd -m u1718 && \
    echo 1718 > /tmp/1718
RUN useradd -m u1719 && \
    echo 1719 > /tmp/1719
RUN useradd -m u1720 && \
    echo 1720 > /tmp/1720
RUN useradd -m u1721 && \
    echo 1721 > /tmp/1721
RUN useradd -m u1722 && \
    echo 1722 > /tmp/1722
RUN useradd -m u1723 && \
    echo 1723 > /tmp/1723
RUN useradd -m u1724 && \
    echo 1724 > /tmp/1724
RUN useradd -m u1725 && \
    echo 1725 > /tmp/1725
RUN useradd -m u1726 && \
    echo 1726 > /tmp/1726
RUN useradd -m u1727 && \
    echo 1727 > /tmp/1727
RUN useradd -m u1728 && \
    echo 1728 > /tmp/1728
RUN useradd -m u1729 && \
    echo 1729 > /tmp/1729
RUN useradd -m u1730 && \
    echo 1730 > /tmp/1730
RUN useradd -m u1731 && \
    echo 1731 > /tmp/1731
RUN useradd -m u1732 && \
    echo 1732 > /tmp/1732
RUN useradd -m u1733 && \
    echo 1733 > /tmp/1733
RUN useradd -m u1734 && \
    echo 1734 > /tmp/1734
RUN useradd -m u1735 && \
    echo 1735 > /tmp/1735
RUN useradd -m u1736 && \
    echo 1736 > /tmp/1736
RUN useradd -m u1737 && \
    echo 1737 > /tmp/1737
RUN useradd -m u1738 && \
    echo 1738 > /tmp/1738
RUN useradd -m u1739 && \
    echo 1739 > /tmp/1739
RUN useradd -m u1740 && \
    echo 1740 > /tmp/1740
RUN useradd -m u1741 && \
    echo 1741 > /tmp/1741
RUN useradd -m u1742 && \
    echo 1742 > /tmp/1742
RUN useradd -m u1743 && \
    echo 1743 > /tmp/1743
RUN useradd -m u1744 && \
    echo 1744 > /tmp/1744
RUN useradd -m u1745 && \
    echo 1745 > /tmp/1745
RUN useradd -m u1746 && \
    echo 1746 > /tmp/1746
RUN useradd -m u1747 && \
    echo 1747 > /tmp/1747
RUN useradd -m u1748 && \
    echo 1748 > /tmp/1748
RUN useradd -m u1749 && \
    echo 1749 > /tmp/1749
RUN useradd -m u1750 && \
    echo 1750 > /tmp/1750
RUN useradd -m u1751 && \
    echo 1751 > /tmp/1751
RUN useradd -m u1752 && \
    echo 1752 > /tmp/1752
RUN useradd -m u1753 && \
    echo 1753 > /tmp/1753
RUN useradd -m u1754 && \
    echo 1754 > /tmp/1754
RUN useradd -m u1755 && \
    echo 1755 > /tmp/1755
RUN useradd -m u1756 && \
    echo 1756 > /tmp/1756
RUN useradd -m u1757 && \
    echo 1757 > /tmp/1757
RUN useradd -m u1758 && \
    echo 1758 > /tmp/1758
RUN useradd -m u1759 && \
    echo 1759 > /tmp/1759
RUN useradd -m u1760 && \
    echo 1760 > /tmp/1760
RUN useradd -m u1761 && \
    echo 1761 > /tmp/1761
RUN useradd -m u1762 && \
    echo 1762 > /tmp/1762
RUN useradd -m u1763 && \
    echo 1763 > /tmp/1763
RUN useradd -m u1764 && \
    echo 1764 > /tmp/1764
RUN useradd -m u1765 && \
    echo 1765 > /tmp/1765
RUN useradd -m u1766 && \
    echo 1766 > /tmp/1766
RUN useradd -m u1767 && \
    echo 1767 > /tmp/1767
RUN useradd -m u1768 && \
    echo 1768 > /tmp/1768
RUN useradd -m u1769 && \
    echo 1769 > /tmp/1769
RUN useradd -m u1770 && \
    echo 1770 > /tmp/1770
RUN useradd -m u1771 && \
    echo 1771 > /tmp/1771
RUN useradd -m u1772 && \
    echo 1772 > /tmp/1772
RUN useradd -m u1773 && \
    echo 1773 > /tmp/1773
RUN useradd -m u1774 && \
    echo 1774 > /tmp/1774
RUN useradd -m u1775 && \
    echo 1775 > /tmp/1775
RUN useradd -m u1776 && \
    echo 1776 > /tmp/1776
RUN useradd -m u1777 && \
    echo 1777 > /tmp/1777
RUN useradd -m u1778 && \
    echo 1778 > /tmp/1778
RUN useradd -m u1779 && \
    echo 1779 > /tmp/1779
RUN useradd -m u1780 && \
    echo 1780 > /tmp/1780
RUN useradd -m u1781 && \
    echo 1781 > /tmp/1781
RUN useradd -m u1782 && \
    echo 1782 > /tmp/1782
RUN useradd -m u1783 && \
    echo 1783 > /tmp/1783
RUN useradd -m u1784 && \
    echo 1784 > /tmp/1784
RUN useradd -m u1785 && \
    echo 1785 > /tmp/1785
RUN useradd -m u1786 && \
    echo 1786 > /tmp/1786
RUN useradd -m u1787 && \
    echo 1787 > /tmp/1787
RUN useradd -m u1788 && \
    echo 1788 > /tmp/1788
RUN useradd -m u1789 && \
    echo 1789 > /tmp/1789
RUN useradd -m u1790 && \
    echo 1790 > /tmp/1790
RUN useradd -m u1791 && \
    echo 1791 > /tmp/1791
RUN useradd -m u1792 && \
    echo 1792 > /tmp/1792
RUN useradd -m u1793 && \
    echo 1793 > /tmp/1793
RUN useradd -m u1794 && \
    echo 1794 > /tmp/1794
RUN useradd -m u1795 && \
    echo 1795 > /tmp/1795
RUN useradd -m u1796 && \
    echo 1796 > /tmp/1796
RUN useradd -m u1797 && \
    echo 1797 > /tmp/1797
RUN useradd -m u1798 && \
    echo 1798 > /tmp/1798
RUN useradd -m u1799 && \
    echo 1799 > /tmp/1799
RUN useradd -m u1800 && \
    echo 1800 > /tmp/1800
RUN useradd -m u1801 && \
    echo 1801 > /tmp/1801
RUN useradd -m u1802 && \
    echo 1802 > /tmp/1802
RUN useradd -m u1803 && \
    echo 1803 > /tmp/1803
RUN useradd -m u1804 && \
    echo 1804 > /tmp/1804
RUN useradd -m u1805 && \
    echo 1805 > /tmp/1805
RUN useradd -m u1806 && \
    echo 1806 > /tmp/1806
RUN useradd -m u1807 && \
    echo 1807 > /tmp/1807
RUN useradd -m u1808 && \
    echo 1808 > /tmp/1808
RUN useradd -m u1809 && \
    echo 1809 > /tmp/1809
RUN useradd -m u1810 && \
    echo 1810 > /tmp/1810
RUN useradd -m u1811 && \
    echo 1811 > /tmp/1811
RUN useradd -m u1812 && \
    echo 1812 > /tmp/1812
RUN useradd -m u1813 && \
    echo 1813 > /tmp/1813
RUN useradd -m u1814 && \
    echo 1814 > /tmp/1814
RUN useradd -m u1815 && \
    echo 1815 > /tmp/1815
RUN useradd -m u1816 && \
    echo 1816 > /tmp/1816
RUN useradd -m u1817 && \
    echo 1817 > /tmp/1817
RUN useradd -m u1818 && \
    echo 1818 > /tmp/1818
RUN useradd -m u1819 && \
    echo 1819 > /tmp/1819
RUN useradd -m u1820 && \
    echo 1820 > /tmp/1820
RUN useradd -m u1821 && \
    echo 1821 > /tmp/1821
RUN useradd -m u1822 && \
    echo 1822 > /tmp/1822
RUN useradd -m u1823 && \
    echo 1823 > /tmp/1823
RUN useradd -m u1824 && \
    echo 1824 > /tmp/1824
RUN useradd -m u1825 && \
    echo 1825 > /tmp/1825
RUN useradd -m u1826 && \
    echo 1826 > /tmp/1826
RUN useradd -m u1827 && \
    echo 1827 > /tmp/1827
RUN useradd -m u1828 && \
    echo 1828 > /tmp/1828
RUN useradd -m u1829 && \
    echo 1829 > /tmp/1829
RUN useradd -m u1830 && \
    echo 1830 > /tmp/1830
RUN useradd -m u1831 && \
    echo 1831 > /tmp/1831
RUN useradd -m u1832 && \
    echo 1832 > /tmp/1832
RUN useradd -m u1833 && \
    echo 1833 > /tmp/1833
RUN useradd -m u1834 && \
    echo 1834 > /tmp/1834
RUN useradd -m u1835 && \
    echo 1835 > /tmp/1835
RUN useradd -m u1836 && \
    echo 1836 > /tmp/1836
RUN useradd -m u1837 && \
    echo 1837 > /tmp/1837
RUN useradd -m u1838 && \
    echo 1838 > /tmp/1838
RUN useradd -m u1839 && \
    echo 1839 > /tmp/1839
RUN useradd -m u1840 && \
    echo 1840 > /tmp/1840
RUN useradd -m u1841 && \
    echo 1841 > /tmp/1841
RUN useradd -m u1842 && \
    echo 1842 > /tmp/1842
RUN useradd -m u1843 && \
    echo 1843 > /tmp/1843
RUN useradd -m u1844 && \
    echo 1844 > /tmp/1844
RUN useradd -m u1845 && \
    echo 1845 > /tmp/1845
RUN useradd -m u1846 && \
    echo 1846 > /tmp/1846
RUN useradd -m u1847 && \
    echo 1847 > /tmp/1847
RUN useradd -m u1848 && \
    echo 1848 > /tmp/1848
RUN useradd -m u1849 && \
    echo 1849 > /tmp/1849
RUN useradd -m u1850 && \
    echo 1850 > /tmp/1850
RUN useradd -m u1851 && \
    echo 1851 > /tmp/1851
RUN useradd -m u1852 && \
    echo 1852 > /tmp/1852
RUN useradd -m u1853 && \
    echo 1853 > /tmp/1853
RUN useradd -m u1854 && \
    echo 1854 > /tmp/1854
RUN useradd -m u1855 && \
    echo 1855 > /tmp/1855
RUN useradd -m u1856 && \
    echo 1856 > /tmp/1856
RUN useradd -m u1857 && \
    echo 1857 > /tmp/1857
RUN useradd -m u1858 && \
    echo 1858 > /tmp/1858
RUN useradd -m u1859 && \
    echo 1859 > /tmp/1859
RUN useradd -m u1860 && \
    echo 1860 > /tmp/1860
RUN useradd -m u1861 && \
    echo 1861 > /tmp/1861
RUN useradd -m u1862 && \
    echo 1862 > /tmp/1862
RUN useradd -m u1863 && \
    echo 1863 > /tmp/1863
RUN useradd -m u1864 && \
    echo 1864 > /tmp/1864
RUN useradd -m u1865 && \
    echo 1865 > /tmp/1865
RUN useradd -m u1866 && \
    echo 1866 > /tmp/1866
RUN useradd -m u1867 && \
    echo 1867 > /tmp/1867
RUN useradd -m u1868 && \
    echo 1868 > /tmp/1868
RUN useradd -m u1869 && \
    echo 1869 > /tmp/1869
RUN useradd -m u1870 && \
    echo 1870 > /tmp/1870
RUN useradd -m u1871 && \
    echo 1871 > /tmp/1871
RUN useradd -m u1872 && \
    echo 1872 > /tmp/1872
RUN useradd -m u1873 && \
    echo 1873 > /tmp/1873
RUN useradd -m u1874 && \
    echo 1874 > /tmp/1874
RUN useradd -m u1875 && \
    echo 1875 > /tmp/1875
RUN useradd -m u1876 && \
    echo 1876 > /tmp/1876
RUN useradd -m u1877 && \
    echo 1877 > /tmp/1877
RUN useradd -m u1878 && \
    echo 1878 > /tmp/1878
RUN useradd -m u1879 && \
    echo 1879 > /tmp/1879
RUN useradd -m u1880 && \
    echo 1880 > /tmp/1880
RUN useradd -m u1881 && \
    echo 1881 > /tmp/1881
RUN useradd -m u1882 && \
    echo 1882 > /tmp/1882
RUN useradd -m u1883 && \
    echo 1883 > /tmp/1883
RUN useradd -m u1884 && \
    echo 1884 > /tmp/1884
RUN useradd -m u1885 && \
    echo 1885 > /tmp/1885
RUN useradd -m u1886 && \
    echo 1886 > /tmp/1886
RUN useradd -m u1887 && \
    echo 1887 > /tmp/1887
RUN useradd -m u1888 && \
    echo 1888 > /tmp/1888
RUN useradd -m u1889 && \
    echo 1889 > /tmp/1889
RUN useradd -m u1890 && \
    echo 1890 > /tmp/1890
RUN useradd -m u1891 && \
    echo 1891 > /tmp/1891
RUN useradd -m u1892 && \
    echo 1892 > /tmp/1892
RUN useradd -m u1893 && \
    echo 1893 > /tmp/1893
RUN useradd -m u1894 && \
    echo 1894 > /tmp/1894
RUN useradd -m u1895 && \
    echo 1895 > /tmp/1895
RUN useradd -m u1896 && \
    echo 1896 > /tmp/1896
RUN useradd -m u1897 && \
    echo 1897 > /tmp/1897
RUN useradd -m u1898 && \
    echo 1898 > /tmp/1898
RUN useradd -m u1899 && \
    echo 1899 > /tmp/1899
RUN useradd -m u1900 && \
    echo 1900 > /tmp/1900
RUN useradd -m u1901 && \
    echo 1901 > /tmp/1901
RUN useradd -m u1902 && \
    echo 1902 > /tmp/1902
RUN useradd -m u1903 && \
    echo 1903 > /tmp/1903
RUN useradd -m u1904 && \
    echo 1904 > /tmp/1904
RUN useradd -m u1905 && \
    echo 1905 > /tmp/1905
RUN useradd -m u1906 && \
    echo 1906 > /tmp/1906
RUN useradd -m u1907 && \
    echo 1907 > /tmp/1907
RUN useradd -m u1908 && \
    echo 1908 > /tmp/1908
RUN useradd -m u1909 && \
    echo 1909 > /tmp/1909
RUN useradd -m u1910 && \
    echo 1910 > /tmp/1910
RUN useradd -m u1911 && \
    echo 1911 > /tmp/1911
RUN useradd -m u1912 && \
    echo 1912 > /tmp/1912
RUN useradd -m u1913 && \
    echo 1913 > /tmp/1913
RUN useradd -m u1914 && \
    echo 1914 > /tmp/1914
RUN useradd -m u1915 && \
    echo 1915 > /tmp/1915
RUN useradd -m u1916 && \
    echo 1916 > /tmp/1916
RUN useradd -m u1917 && \
    echo 1917 > /tmp/1917
RUN useradd -m u1918 && \
    echo 1918 > /tmp/1918
RUN useradd -m u1919 && \
    echo 1919 > /tmp/1919
RUN useradd -m u1920 && \
    echo 1920 > /tmp/1920
RUN useradd -m u1921 && \
    echo 1921 > /tmp/1921
RUN useradd -m u1922 && \
    echo 1922 > /tmp/1922
RUN useradd -m u1923 && \
    echo 1923 > /tmp/1923
RUN useradd -m u1924 && \
    echo 1924 > /tmp/1924
RUN useradd -m u1925 && \
    echo 1925 > /tmp/1925
RUN useradd -m u1926 && \
    echo 1926 > /tmp/1926
RUN useradd -m u1927 && \
    echo 1927 > /tmp/1927
RUN useradd -m u1928 && \
    echo 1928 > /tmp/1928
RUN useradd -m u1929 && \
    echo 1929 > /tmp/1929
RUN useradd -m u1930 && \
    echo 1930 > /tmp/1930
RUN useradd -m u1931 && \
    echo 1931 > /tmp/1931
RUN useradd -m u1932 && \
    echo 1932 > /tmp/1932
RUN useradd -m u1933 && \
    echo 1933 > /tmp/1933
RUN useradd -m u1934 && \
    echo 1934 > /tmp/1934
RUN useradd -m u1935 && \
    echo 1935 > /tmp/1935
RUN useradd -m u1936 && \
    echo 1936 > /tmp/1936
RUN useradd -m u1937 && \
    echo 1937 > /tmp/1937
RUN useradd -m u1938 && \
    echo 1938 > /tmp/1938
RUN useradd -m u1939 && \
    echo 1939 > /tmp/1939
RUN useradd -m u1940 && \
    echo 1940 > /tmp/1940
RUN useradd -m u1941 && \
    echo 1941 > /tmp/1941
RUN useradd -m u1942 && \
    echo 1942 > /tmp/1942
RUN useradd -m u1943 && \
    echo 1943 > /tmp/1943
RUN useradd -m u1944 && \
    echo 1944 > /tmp/1944
RUN useradd -m u1945 && \
    echo 1945 > /tmp/1945
RUN useradd -m u1946 && \
    echo 1946 > /tmp/1946
RUN useradd -m u1947 && \
    echo 1947 > /tmp/1947
RUN useradd -m u1948 && \
    echo 1948 > /tmp/1948
RUN useradd -m u1949 && \
    echo 1949 > /tmp/1949
RUN useradd -m u1950 && \
    echo 1950 > /tmp/1950
RUN useradd -m u1951 && \
    echo 1951 > /tmp/1951
RUN useradd -m u1952 && \
    echo 1952 > /tmp/1952
RUN useradd -m u1953 && \
    echo 1953 > /tmp/1953
RUN useradd -m u1954 && \
    echo 1954 > /tmp/1954
RUN useradd -m u1955 && \
    echo 1955 > /tmp/1955
RUN useradd -m u1956 && \
    echo 1956 > /tmp/1956
RUN useradd -m u1957 && \
    echo 1957 > /tmp/1957
RUN useradd -m u1958 && \
    echo 1958 > /tmp/1958
RUN useradd -m u1959 && \
    echo 1959 > /tmp/1959
RUN useradd -m u1960 && \
    echo 1960 > /tmp/1960
RUN useradd -m u1961 && \
    echo 1961 > /tmp/1961
RUN useradd -m u1962 && \
    echo 1962 > /tmp/1962
RUN useradd -m u1963 && \
    echo 1963 > /tmp/1963
RUN useradd -m u1964 && \
    echo 1964 > /tmp/1964
RUN useradd -m u1965 && \
    echo 1965 > /tmp/1965
RUN useradd -m u1966 && \
    echo 1966 > /tmp/1966
RUN useradd -m u1967 && \
    echo 1967 > /tmp/1967
RUN useradd -m u1968 && \
    echo 1968 > /tmp/1968
RUN useradd -m u1969 && \
    echo 1969 > /tmp/1969
RUN useradd -m u1970 && \
    echo 1970 > /tmp/1970
RUN useradd -m u1971 && \
    echo 1971 > /tmp/1971
RUN useradd -m u1972 && \
    echo 1972 > /tmp/1972
RUN useradd -m u1973 && \
    echo 1973 > /tmp/1973
RUN useradd -m u1974 && \
    echo 1974 > /tmp/1974
RUN useradd -m u1975 && \
    echo 1975 > /tmp/1975
RUN useradd -m u1976 && \
    echo 1976 > /tmp/1976
RUN useradd -m u1977 && \
    echo 1977 > /tmp/1977
RUN useradd -m u1978 && \
    echo 1978 > /tmp/1978
RUN useradd -m u1979 && \
    echo 1979 > /tmp/1979
RUN useradd -m u1980 && \
    echo 1980 > /tmp/1980
RUN useradd -m u1981 && \
    echo 1981 > /tmp/1981
RUN useradd -m u1982 && \
    echo 1982 > /tmp/1982
RUN useradd -m u1983 && \
    echo 1983 > /tmp/1983
RUN useradd -m u1984 && \
    echo 1984 > /tmp/1984
RUN useradd -m u1985 && \
    echo 1985 > /tmp/1985
RUN useradd -m u1986 && \
    echo 1986 > /tmp/1986
RUN useradd -m u1987 && \
    echo 1987 > /tmp/1987
RUN useradd -m u1988 && \
    echo 1988 > /tmp/1988
RUN useradd -m u1989 && \
    echo 1989 > /tmp/1989
RUN useradd -m u1990 && \
    echo 1990 > /tmp/1990
RUN useradd -m u1991 && \
    echo 1991 > /tmp/1991
RUN useradd -m u1992 && \
    echo 1992 > /tmp/1992
RUN useradd -m u1993 && \
    echo 1993 > /tmp/1993
RUN useradd -m u1994 && \
    echo 1994 > /tmp/1994
RUN useradd -m u1995 && \
    echo 1995 > /tmp/1995
RUN useradd -m u1996 && \
    echo 1996 > /tmp/1996
RUN useradd -m u1997 && \
    echo 1997 > /tmp/1997
RUN useradd -m u1998 && \
    echo 1998 > /tmp/1998
RUN useradd -m u1999 && \
    echo 1999 > /tmp/1999
RUN useradd -m u2000 && \
    echo 2000 > /tmp/2000
RUN useradd -m u2001 && \
    echo 2001 > /tmp/2001
RUN useradd -m u2002 && \
    echo 2002 > /tmp/2002
RUN useradd -m u2003 && \
    echo 2003 > /tmp/2003
RUN useradd -m u2004 && \
    echo 2004 > /tmp/2004
RUN useradd -m u2005 && \
    echo 2005 > /tmp/2005
RUN useradd -m u2006 && \
    echo 2006 > /tmp/2006
RUN useradd -m u2007 && \
    echo 2007 > /tmp/2007
RUN useradd -m u2008 && \
    echo 2008 > /tmp/2008
RUN useradd -m u2009 && \
    echo 2009 > /tmp/2009
RUN useradd -m u2010 && \
    echo 2010 > /tmp/2010
RUN useradd -m u2011 && \
    echo 2011 > /tmp/2011
RUN useradd -m u2012 && \
    echo 2012 > /tmp/2012
RUN useradd -m u2013 && \
    echo 2013 > /tmp/2013
RUN useradd -m u2014 && \
    echo 2014 > /tmp/2014
RUN useradd -m u2015 && \
    echo 2015 > /tmp/2015
RUN useradd -m u2016 && \
    echo 2016 > /tmp/2016
RUN useradd -m u2017 && \
    echo 2017 > /tmp/2017
RUN useradd -m u2018 && \
    echo 2018 > /tmp/2018
RUN useradd -m u2019 && \
    echo 2019 > /tmp/2019
RUN useradd -m u2020 && \
    echo 2020 > /tmp/2020
RUN useradd -m u2021 && \
    echo 2021 > /tmp/2021
RUN useradd -m u2022 && \
    echo 2022 > /tmp/2022
RUN useradd -m u2023 && \
    echo 2023 > /tmp/2023
RUN useradd -m u2024 && \
    echo 2024 > /tmp/2024
RUN useradd -m u2025 && \
    echo 2025 > /tmp/2025
RUN useradd -m u2026 && \
    echo 2026 > /tmp/2026
RUN useradd -m u2027 && \
    echo 2027 > /tmp/2027
RUN useradd -m u2028 && \
    echo 2028 > /tmp/2028
RUN useradd -m u2029 && \
    echo 2029 > /tmp/2029
RUN useradd -m u2030 && \
    echo 2030 > /tmp/2030
RUN useradd -m u2031 && \
    echo 2031 > /tmp/2031
RUN useradd -m u2032 && \
    echo 2032 > /tmp/2032
RUN useradd -m u2033 && \
    echo 2033 > /tmp/2033
RUN useradd -m u2034 && \
    echo 2034 > /tmp/2034
RUN useradd -m u2035 && \
    echo 2035 > /tmp/2035
RUN useradd -m u2036 && \
    echo 2036 > /tmp/2036
RUN useradd -m u2037 && \
    echo 2037 > /tmp/2037
RUN useradd -m u2038 && \
    echo 2038 > /tmp/2038
RUN useradd -m u2039 && \
    echo 2039 > /tmp/2039
RUN useradd -m u2040 && \
    echo 2040 > /tmp/2040
RUN useradd -m u2041 && \
    echo 2041 > /tmp/2041
RUN useradd -m u2042 && \
    echo 2042 > /tmp/2042
RUN useradd -m u2043 && \
    echo 2043 > /tmp/2043
RUN useradd -m u2044 && \
    echo 2044 > /tmp/2044
RUN useradd -m u2045 && \
    echo 2045 > /tmp/2045
RUN useradd -m u2046 && \
    echo 2046 > /tmp/2046
RUN useradd -m u2047 && \
    echo 2047 > /tmp/2047
RUN useradd -m u2048 && \
    echo 2048 > /tmp/2048
RUN useradd -m u2049 && \
    echo 2049 > /tmp/2049
RUN useradd -m u2050 && \
    echo 2050 > /tmp/2050
RUN useradd -m u2051 && \
    echo 2051 > /tmp/2051
RUN useradd -m u2052 && \
    echo 2052 > /tmp/2052
RUN useradd -m u2053 && \
    echo 2053 > /tmp/2053
RUN useradd -m u2054 && \
    echo 2054 > /tmp/2054
RUN useradd -m u2055 && \
    echo 2055 > /tmp/2055
RUN useradd -m u2056 && \
    echo 2056 > /tmp/2056
RUN useradd -m u2057 && \
    echo 2057 > /tmp/2057
RUN useradd -m u2058 && \
    echo 2058 > /tmp/2058
RUN useradd -m u2059 && \
    echo 2059 > /tmp/2059
RUN useradd -m u2060 && \
    echo 2060 > /tmp/2060
RUN useradd -m u2061 && \
    echo 2061 > /tmp/2061
RUN useradd -m u2062 && \
    echo 2062 > /tmp/2062
RUN useradd -m u2063 && \
    echo 2063 > /tmp/2063
RUN useradd -m u2064 && \
    echo 2064 > /tmp/2064
RUN useradd -m u2065 && \
    echo 2065 > /tmp/2065
RUN useradd -m u2066 && \
    echo 2066 > /tmp/2066
RUN useradd -m u2067 && \
    echo 2067 > /tmp/2067
RUN useradd -m u2068 && \
    echo 2068 > /tmp/2068
RUN useradd -m u2069 && \
    echo 2069 > /tmp/2069
RUN useradd -m u2070 && \
    echo 2070 > /tmp/2070
RUN useradd -m u2071 && \
    echo 2071 > /tmp/2071
RUN useradd -m u2072 && \
    echo 2072 > /tmp/2072
RUN useradd -m u2073 && \
    echo 2073 > /tmp/2073
RUN useradd -m u2074 && \
    echo 2074 > /tmp/2074
RUN useradd -m u2075 && \
    echo 2075 > /tmp/2075
RUN useradd -m u2076 && \
    echo 2076 > /tmp/2076
RUN useradd -m u2077 && \
    echo 2077 > /tmp/2077
RUN useradd -m u2078 && \
    echo 2078 > /tmp/2078
RUN useradd -m u2079 && \
    echo 2079 > /tmp/2079
RUN useradd -m u2080 && \
    echo 2080 > /tmp/2080
RUN useradd -m u2081 && \
    echo 2081 > /tmp/2081
RUN useradd -m u2082 && \
    echo 2082 > /tmp/2082
RUN useradd -m u2083 && \
    echo 2083 > /tmp/2083
RUN useradd -m u2084 && \
    echo 2084 > /tmp/2084
RUN useradd -m u2085 && \
    echo 2085 > /tmp/2085
RUN useradd -m u2086 && \
    echo 2086 > /tmp/2086
RUN useradd -m u2087 && \
    echo 2087 > /tmp/2087
RUN useradd -m u2088 && \
    echo 2088 > /tmp/2088
RUN useradd -m u2089 && \
    echo 2089 > /tmp/2089
RUN useradd -m u2090 && \
    echo 2090 > /tmp/2090
RUN useradd -m u2091 && \
    echo 2091 > /tmp/2091
RUN useradd -m u2092 && \
    echo 2092 > /tmp/2092
RUN useradd -m u2093 && \
    echo 2093 > /tmp/2093
RUN useradd -m u2094 && \
    echo 2094 > /tmp/2094
RUN useradd -m u2095 && \
    echo 2095 > /tmp/2095
RUN useradd -m u2096 && \
    echo 2096 > /tmp/2096
RUN useradd -m u2097 && \
    echo 2097 > /tmp/2097
RUN useradd -m u2098 && \
    echo 2098 > /tmp/2098
RUN useradd -m u2099 && \
    echo 2099 > /tmp/2099
RUN useradd -m u2100 && \
    echo 2100 > /tmp/2100
RUN useradd -m u2101 && \
    echo 2101 > /tmp/2101
RUN useradd -m u2102 && \
    echo 2102 > /tmp/2102
RUN useradd -m u2103 && \
    echo 2103 > /tmp/2103
RUN useradd -m u2104 && \
    echo 2104 > /tmp/2104
RUN useradd -m u2105 && \
    echo 2105 > /tmp/2105
RUN useradd -m u2106 && \
    echo 2106 > /tmp/2106
RUN useradd -m u2107 && \
    echo 2107 > /tmp/2107
RUN useradd -m u2108 && \
    echo 2108 > /tmp/2108
RUN useradd -m u2109 && \
    echo 2109 > /tmp/2109
RUN useradd -m u2110 && \
    echo 2110 > /tmp/2110
RUN useradd -m u2111 && \
    echo 2111 > /tmp/2111
RUN useradd -m u2112 && \
    echo 2112 > /tmp/2112
RUN useradd -m u2113 && \
    echo 2113 > /tmp/2113
RUN useradd -m u2114 && \
    echo 2114 > /tmp/2114
RUN useradd -m u2115 && \
    echo 2115 > /tmp/2115
RUN useradd -m u2116 && \
    echo 2116 > /tmp/2116
RUN useradd -m u2117 && \
    echo 2117 > /tmp/2117
RUN useradd -m u2118 && \
    echo 2118 > /tmp/2118
RUN useradd -m u2119 && \
    echo 2119 > /tmp/2119
RUN useradd -m u2120 && \
    echo 2120 > /tmp/2120
RUN useradd -m u2121 && \
    echo 2121 > /tmp/2121
RUN useradd -m u2122 && \
    echo 2122 > /tmp/2122
RUN useradd -m u2123 && \
    echo 2123 > /tmp/2123
RUN useradd -m u2124 && \
    echo 2124 > /tmp/2124
RUN useradd -m u2125 && \
    echo 2125 > /tmp/2125
RUN useradd -m u2126 && \
    echo 2126 > /tmp/2126
RUN useradd -m u2127 && \
    echo 2127 > /tmp/2127
RUN useradd -m u2128 && \
    echo 2128 > /tmp/2128
RUN useradd -m u2129 && \
    echo 2129 > /tmp/2129
RUN useradd -m u2130 && \
    echo 2130 > /tmp/2130
RUN useradd -m u2131 && \
    echo 2131 > /tmp/2131
RUN useradd -m u2132 && \
    echo 2132 > /tmp/2132
RUN useradd -m u2133 && \
    echo 2133 > /tmp/2133
RUN useradd -m u2134 && \
    echo 2134 > /tmp/2134
RUN useradd -m u2135 && \
    echo 2135 > /tmp/2135
RUN useradd -m u2136 && \
    echo 2136 > /tmp/2136
RUN useradd -m u2137 && \
    echo 2137 > /tmp/2137
RUN useradd -m u2138 && \
    echo 2138 > /tmp/2138
RUN useradd -m u2139 && \
    echo 2139 > /tmp/2139
RUN useradd -m u2140 && \
    echo 2140 > /tmp/2140
RUN useradd -m u2141 && \
    echo 2141 > /tmp/2141
RUN useradd -m u2142 && \
    echo 2142 > /tmp/2142
RUN useradd -m u2143 && \
    echo 2143 > /tmp/2143
RUN useradd -m u2144 && \
    echo 2144 > /tmp/2144
RUN useradd -m u2145 && \
    echo 2145 > /tmp/2145
RUN useradd -m u2146 && \
    echo 2146 > /tmp/2146
RUN useradd -m u2147 && \
    echo 2147 > /tmp/2147
RUN useradd -m u2148 && \
    echo 2148 > /tmp/2148
RUN useradd -m u2149 && \
    echo 2149 > /tmp/2149
RUN useradd -m u2150 && \
    echo 2150 > /tmp/2150
RUN useradd -m u2151 && \
    echo 2151 > /tmp/2151
RUN useradd -m u2152 && \
    echo 2152 > /tmp/2152
RUN useradd -m u2153 && \
    echo 2153 > /tmp/2153
RUN useradd -m u2154 && \
    echo 2154 > /tmp/2154
RUN useradd -m u2155 && \
    echo 2155 > /tmp/2155
RUN useradd -m u2156 && \
    echo 2156 > /tmp/2156
RUN useradd -m u2157 && \
    echo 2157 > /tmp/2157
RUN useradd -m u2158 && \
    echo 2158 > /tmp/2158
RUN useradd -m u2159 && \
    echo 2159 > /tmp/2159
RUN useradd -m u2160 && \
    echo 2160 > /tmp/2160
RUN useradd -m u2161 && \
    echo 2161 > /tmp/2161
RUN useradd -m u2162 && \
    echo 2162 > /tmp/2162
RUN useradd -m u2163 && \
    echo 2163 > /tmp/2163
RUN useradd -m u2164 && \
    echo 2164 > /tmp/2164
RUN useradd -m u2165 && \
    echo 2165 > /tmp/2165
RUN useradd -m u2166 && \
    echo 2166 > /tmp/2166
RUN useradd -m u2167 && \
    echo 2167 > /tmp/2167
RUN useradd -m u2168 && \
    echo 2168 > /tmp/2168
RUN useradd -m u2169 && \
    echo 2169 > /tmp/2169
RUN useradd -m u2170 && \
    echo 2170 > /tmp/2170
RUN useradd -m u2171 && \
    echo 2171 > /tmp/2171
RUN useradd -m u2172 && \
    echo 2172 > /tmp/2172
RUN useradd -m u2173 && \
    echo 2173 > /tmp/2173
RUN useradd -m u2174 && \
    echo 2174 > /tmp/2174
RUN useradd -m u2175 && \
    echo 2175 > /tmp/2175
RUN useradd -m u2176 && \
    echo 2176 > /tmp/2176
RUN useradd -m u2177 && \
    echo 2177 > /tmp/2177
RUN useradd -m u2178 && \
    echo 2178 > /tmp/2178
RUN useradd -m u2179 && \
    echo 2179 > /tmp/2179
RUN useradd -m u2180 && \
    echo 2180 > /tmp/2180
RUN useradd -m u2181 && \
    echo 2181 > /tmp/2181
RUN useradd -m u2182 && \
    echo 2182 > /tmp/2182
RUN useradd -m u2183 && \
    echo 2183 > /tmp/2183
RUN useradd -m u2184 && \
    echo 2184 > /tmp/2184
RUN useradd -m u2185 && \
    echo 2185 > /tmp/2185
RUN useradd -m u2186 && \
    echo 2186 > /tmp/2186
RUN useradd -m u2187 && \
    echo 2187 > /tmp/2187
RUN useradd -m u2188 && \
    echo 2188 > /tmp/2188
RUN useradd -m u2189 && \
    echo 2189 > /tmp/2189
RUN useradd -m u2190 && \
    echo 2190 > /tmp/2190
RUN useradd -m u2191 && \
    echo 2191 > /tmp/2191
RUN useradd -m u2192 && \
    echo 2192 > /tmp/2192
RUN useradd -m u2193 && \
    echo 2193 > /tmp/2193
RUN useradd -m u2194 && \
    echo 2194 > /tmp/2194
RUN useradd -m u2195 && \
    echo 2195 > /tmp/2195
RUN useradd -m u2196 && \
    echo 2196 > /tmp/2196
RUN useradd -m u2197 && \
    echo 2197 > /tmp/2197
RUN useradd -m u2198 && \
    echo 2198 > /tmp/2198
RUN useradd -m u2199 && \
    echo 2199 > /tmp/2199
RUN useradd -m u2200 && \
    echo 2200 > /tmp/2200
RUN useradd -m u2201 && \
    echo 2201 > /tmp/2201
RUN useradd -m u2202 && \
    echo 2202 > /tmp/2202
RUN useradd -m u2203 && \
    echo 2203 > /tmp/2203
RUN useradd -m u2204 && \
    echo 2204 > /tmp/2204
RUN useradd -m u2205 && \
    echo 2205 > /tmp/2205
RUN useradd -m u2206 && \
    echo 2206 > /tmp/2206
RUN useradd -m u2207 && \
    echo 2207 > /tmp/2207
RUN useradd -m u2208 && \
    echo 2208 > /tmp/2208
RUN useradd -m u2209 && \
    echo 2209 > /tmp/2209
RUN useradd -m u2210 && \
    echo 2210 > /tmp/2210
RUN useradd -m u2211 && \
    echo 2211 > /tmp/2211
RUN useradd -m u2212 && \
    echo 2212 > /tmp/2212
RUN useradd -m u2213 && \
    echo 2213 > /tmp/2213
RUN useradd -m u2214 && \
    echo 2214 > /tmp/2214
RUN useradd -m u2215 && \
    echo 2215 > /tmp/2215
RUN useradd -m u2216 && \
    echo 2216 > /tmp/2216
RUN useradd -m u2217 && \
    echo 2217 > /tmp/2217
RUN useradd -m u2218 && \
    echo 2218 > /tmp/2218
RUN useradd -m u2219 && \
    echo 2219 > /tmp/2219
RUN useradd -m u2220 && \
    echo 2220 > /tmp/2220
RUN useradd -m u2221 && \
    echo 2221 > /tmp/2221
RUN useradd -m u2222 && \
    echo 2222 > /tmp/2222
RUN useradd -m u2223 && \
    echo 2223 > /tmp/2223
RUN useradd -m u2224 && \
    echo 2224 > /tmp/2224
RUN useradd -m u2225 && \
    echo 2225 > /tmp/2225
RUN useradd -m u2226 && \
    echo 2226 > /tmp/2226
RUN useradd -m u2227 && \
    echo 2227 > /tmp/2227
RUN useradd -m u2228 && \
    echo 2228 > /tmp/2228
RUN useradd -m u2229 && \
    echo 2229 > /tmp/2229
RUN useradd -m u2230 && \
    echo 2230 > /tmp/2230
RUN useradd -m u2231 && \
    echo 2231 > /tmp/2231
RUN useradd -m u2232 && \
    echo 2232 > /tmp/2232
RUN useradd -m u2233 && \
    echo 2233 > /tmp/2233
RUN useradd -m u2234 && \
    echo 2234 > /tmp/2234
RUN useradd -m u2235 && \
    echo 2235 > /tmp/2235
RUN useradd -m u2236 && \
    echo 2236 > /tmp/2236
RUN useradd -m u2237 && \
    echo 2237 > /tmp/2237
RUN useradd -m u2238 && \
    echo 2238 > /tmp/2238
RUN useradd -m u2239 && \
    echo 2239 > /tmp/2239
RUN useradd -m u2240 && \
    echo 2240 > /tmp/2240
RUN useradd -m u2241 && \
    echo 2241 > /tmp/2241
RUN useradd -m u2242 && \
    echo 2242 > /tmp/2242
RUN useradd -m u2243 && \
    echo 2243 > /tmp/2243
RUN useradd -m u2244 && \
    echo 2244 > /tmp/2244
RUN useradd -m u2245 && \
    echo 2245 > /tmp/2245
RUN useradd -m u2246 && \
    echo 2246 > /tmp/2246
RUN useradd -m u2247 && \
    echo 2247 > /tmp/2247
RUN useradd -m u2248 && \
    echo 2248 > /tmp/2248
RUN useradd -m u2249 && \
    echo 2249 > /tmp/2249
RUN useradd -m u2250 && \
    echo 2250 > /tmp/2250
RUN useradd -m u2251 && \
    echo 2251 > /tmp/2251
RUN useradd -m u2252 && \
    echo 2252 > /tmp/2252
RUN useradd -m u2253 && \
    echo 2253 > /tmp/2253
RUN useradd -m u2254 && \
    echo 2254 > /tmp/2254
RUN useradd -m u2255 && \
    echo 2255 > /tmp/2255
RUN useradd -m u2256 && \
    echo 2256 > /tmp/2256
RUN useradd -m u2257 && \
    echo 2257 > /tmp/2257
RUN useradd -m u2258 && \
    echo 2258 > /tmp/2258
RUN useradd -m u2259 && \
    echo 2259 > /tmp/2259
RUN useradd -m u2260 && \
    echo 2260 > /tmp/2260
RUN useradd -m u2261 && \
    echo 2261 > /tmp/2261
RUN useradd -m u2262 && \
    echo 2262 > /tmp/2262
RUN useradd -m u2263 && \
    echo 2263 > /tmp/2263
RUN useradd -m u2264 && \
    echo 2264 > /tmp/2264
RUN useradd -m u2265 && \
    echo 2265 > /tmp/2265
RUN useradd -m u2266 && \
    echo 2266 > /tmp/2266
RUN useradd -m u2267 && \
    echo 2267 > /tmp/2267
RUN useradd -m u2268 && \
    echo 2268 > /tmp/2268
RUN useradd -m u2269 && \
    echo 2269 > /tmp/2269
RUN useradd -m u2270 && \
    echo 2270 > /tmp/2270
RUN useradd -m u2271 && \
    echo 2271 > /tmp/2271
RUN useradd -m u2272 && \
    echo 2272 > /tmp/2272
RUN useradd -m u2273 && \
    echo 2273 > /tmp/2273
RUN useradd -m u2274 && \
    echo 2274 > /tmp/2274
RUN useradd -m u2275 && \
    echo 2275 > /tmp/2275
RUN useradd -m u2276 && \
    echo 2276 > /tmp/2276
RUN useradd -m u2277 && \
    echo 2277 > /tmp/2277
RUN useradd -m u2278 && \
    echo 2278 > /tmp/2278
RUN useradd -m u2279 && \
    echo 2279 > /tmp/2279
RUN useradd -m u2280 && \
    echo 2280 > /tmp/2280
RUN useradd -m u2281 && \
    echo 2281 > /tmp/2281
RUN useradd -m u2282 && \
    echo 2282 > /tmp/2282
RUN useradd -m u2283 && \
    echo 2283 > /tmp/2283
RUN useradd -m u2284 && \
    echo 2284 > /tmp/2284
RUN useradd -m u2285 && \
    echo 2285 > /tmp/2285
RUN useradd -m u2286 && \
    echo 2286 > /tmp/2286
RUN useradd -m u2287 && \
    echo 2287 > /tmp/2287
RUN useradd -m u2288 && \
    echo 2288 > /tmp/2288
RUN useradd -m u2289 && \
    echo 2289 > /tmp/2289
RUN useradd -m u2290 && \
    echo 2290 > /tmp/2290
RUN useradd -m u2291 && \
    echo 2291 > /tmp/2291
RUN useradd -m u2292 && \
    echo 2292 > /tmp/2292
RUN useradd -m u2293 && \
    echo 2293 > /tmp/2293
RUN useradd -m u2294 && \
    echo 2294 > /tmp/2294
RUN useradd -m u2295 && \
    echo 2295 > /tmp/2295
RUN useradd -m u2296 && \
    echo 2296 > /tmp/2296
RUN useradd -m u2297 && \
    echo 2297 > /tmp/2297
RUN useradd -m u2298 && \
    echo 2298 > /tmp/2298
RUN useradd -m u2299 && \
    echo 2299 > /tmp/2299
RUN useradd -m u2300 && \
    echo 2300 > /tmp/2300
RUN useradd -m u2301 && \
    echo 2301 > /tmp/2301
RUN useradd -m u2302 && \
    echo 2302 > /tmp/2302
RUN useradd -m u2303 && \
    echo 2303 > /tmp/2303
RUN useradd -m u2304 && \
    echo 2304 > /tmp/2304
RUN useradd -m u2305 && \
    echo 2305 > /tmp/2305
RUN useradd -m u2306 && \
    echo 2306 > /tmp/2306
RUN useradd -m u2307 && \
    echo 2307 > /tmp/2307
RUN useradd -m u2308 && \
    echo 2308 > /tmp/2308
RUN useradd -m u2309 && \
    echo 2309 > /tmp/2309
RUN useradd -m u2310 && \
    echo 2310 > /tmp/2310
RUN useradd -m u2311 && \
    echo 2311 > /tmp/2311
RUN useradd -m u2312 && \
    echo 2312 > /tmp/2312
RUN useradd -m u2313 && \
    echo 2313 > /tmp/2313
RUN useradd -m u2314 && \
    echo 2314 > /tmp/2314
RUN useradd -m u2315 && \
    echo 2315 > /tmp/2315
RUN useradd -m u2316 && \
    echo 2316 > /tmp/2316
RUN useradd -m u2317 && \
    echo 2317 > /tmp/2317
RUN useradd -m u2318 && \
    echo 2318 > /tmp/2318
RUN useradd -m u2319 && \
    echo 2319 > /tmp/2319
RUN useradd -m u2320 && \
    echo 2320 > /tmp/2320
RUN useradd -m u2321 && \
    echo 2321 > /tmp/2321
RUN useradd -m u2322 && \
    echo 2322 > /tmp/2322
RUN useradd -m u2323 && \
    echo 2323 > /tmp/2323
RUN useradd -m u2324 && \
    echo 2324 > /tmp/2324
RUN useradd -m u2325 && \
    echo 2325 > /tmp/2325
RUN useradd -m u2326 && \
    echo 2326 > /tmp/2326
RUN useradd -m u2327 && \
    echo 2327 > /tmp/2327
RUN useradd -m u2328 && \
    echo 2328 > /tmp/2328
RUN useradd -m u2329 && \
    echo 2329 > /tmp/2329
RUN useradd -m u2330 && \
    echo 2330 > /tmp/2330
RUN useradd -m u2331 && \
    echo 2331 > /tmp/2331
RUN useradd -m u2332 && \
    echo 2332 > /tmp/2332
RUN useradd -m u2333 && \
    echo 2333 > /tmp/2333
RUN useradd -m u2334 && \
    echo 2334 > /tmp/2334
RUN useradd -m u2335 && \
    echo 2335 > /tmp/2335
RUN useradd -m u2336 && \
    echo 2336 > /tmp/2336
RUN useradd -m u2337 && \
    echo 2337 > /tmp/2337
RUN useradd -m u2338 && \
    echo 2338 > /tmp/2338
RUN useradd -m u2339 && \
    echo 2339 > /tmp/2339
RUN useradd -m u2340 && \
    echo 2340 > /tmp/2340
RUN useradd -m u2341 && \
    echo 2341 > /tmp/2341
RUN useradd -m u2342 && \
    echo 2342 > /tmp/2342
RUN useradd -m u2343 && \
    echo 2343 > /tmp/2343
RUN useradd -m u2344 && \
    echo 2344 > /tmp/2344
RUN useradd -m u2345 && \
    echo 2345 > /tmp/2345
RUN useradd -m u2346 && \
    echo 2346 > /tmp/2346
RUN useradd -m u2347 && \
    echo 2347 > /tmp/2347
RUN useradd -m u2348 && \
    echo 2348 > /tmp/2348
RUN useradd -m u2349 && \
    echo 2349 > /tmp/2349
RUN useradd -m u2350 && \
    echo 2350 > /tmp/2350
RUN useradd -m u2351 && \
    echo 2351 > /tmp/2351
RUN useradd -m u2352 && \
    echo 2352 > /tmp/2352
RUN useradd -m u2353 && \
    echo 2353 > /tmp/2353
RUN useradd -m u2354 && \
    echo 2354 > /tmp/2354
RUN useradd -m u2355 && \
    echo 2355 > /tmp/2355
RUN useradd -m u2356 && \
    echo 2356 > /tmp/2356
RUN useradd -m u2357 && \
    echo 2357 > /tmp/2357
RUN useradd -m u2358 && \
    echo 2358 > /tmp/2358
RUN useradd -m u2359 && \
    echo 2359 > /tmp/2359
RUN useradd -m u2360 && \
    echo 2360 > /tmp/2360
RUN useradd -m u2361 && \
    echo 2361 > /tmp/2361
RUN useradd -m u2362 && \
    echo 2362 > /tmp/2362
RUN useradd -m u2363 && \
    echo 2363 > /tmp/2363
RUN useradd -m u2364 && \
    echo 2364 > /tmp/2364
RUN useradd -m u2365 && \
    echo 2365 > /tmp/2365
RUN useradd -m u2366 && \
    echo 2366 > /tmp/2366
RUN useradd -m u2367 && \
    echo 2367 > /tmp/2367
RUN useradd -m u2368 && \
    echo 2368 > /tmp/2368
RUN useradd -m u2369 && \
    echo 2369 > /tmp/2369
RUN useradd -m u2370 && \
    echo 2370 > /tmp/2370
RUN useradd -m u2371 && \
    echo 2371 > /tmp/2371
RUN useradd -m u2372 && \
    echo 2372 > /tmp/2372
RUN useradd -m u2373 && \
    echo 2373 > /tmp/2373
RUN useradd -m u2374 && \
    echo 2374 > /tmp/2374
RUN useradd -m u2375 && \
    echo 2375 > /tmp/2375
RUN useradd -m u2376 && \
    echo 2376 > /tmp/2376
RUN useradd -m u2377 && \
    echo 2377 > /tmp/2377
RUN useradd -m u2378 && \
    echo 2378 > /tmp/2378
RUN useradd -m u2379 && \
    echo 2379 > /tmp/2379
RUN useradd -m u2380 && \
    echo 2380 > /tmp/2380
RUN useradd -m u2381 && \
    echo 2381 > /tmp/2381
RUN useradd -m u2382 && \
    echo 2382 > /tmp/2382
RUN useradd -m u2383 && \
    echo 2383 > /tmp/2383
RUN useradd -m u2384 && \
    echo 2384 > /tmp/2384
RUN useradd -m u2385 && \
    echo 2385 > /tmp/2385
RUN useradd -m u2386 && \
    echo 2386 > /tmp/2386
RUN useradd -m u2387 && \
    echo 2387 > /tmp/2387
RUN useradd -m u2388 && \
    echo 2388 > /tmp/2388
RUN useradd -m u2389 && \
    echo 2389 > /tmp/2389
RUN useradd -m u2390 && \
    echo 2390 > /tmp/2390
RUN useradd -m u2391 && \
    echo 2391 > /tmp/2391
RUN useradd -m u2392 && \
    echo 2392 > /tmp/2392
RUN useradd -m u2393 && \
    echo 2393 > /tmp/2393
RUN useradd -m u2394 && \
    echo 2394 > /tmp/2394
RUN useradd -m u2395 && \
    echo 2395 > /tmp/2395
RUN useradd -m u2396 && \
    echo 2396 > /tmp/2396
RUN useradd -m u2397 && \
    echo 2397 > /tmp/2397
RUN useradd -m u2398 && \
    echo 2398 > /tmp/2398
RUN useradd -m u2399 && \
    echo 2399 > /tmp/2399
RUN useradd -m u2400 && \
    echo 2400 > /tmp/2400
RUN useradd -m u2401 && \
    echo 2401 > /tmp/2401
RUN useradd -m u2402 && \
    echo 2402 > /tmp/2402
RUN useradd -m u2403 && \
    echo 2403 > /tmp/2403
RUN useradd -m u2404 && \
    echo 2404 > /tmp/2404
RUN useradd -m u2405 && \
    echo 2405 > /tmp/2405
RUN useradd -m u2406 && \
    echo 2406 > /tmp/2406
RUN useradd -m u2407 && \
    echo 2407 > /tmp/2407
RUN useradd -m u2408 && \
    echo 2408 > /tmp/2408
RUN useradd -m u2409 && \
    echo 2409 > /tmp/2409
RUN useradd -m u2410 && \
    echo 2410 > /tmp/2410
RUN useradd -m u2411 && \
    echo 2411 > /tmp/2411
RUN useradd -m u2412 && \
    echo 2412 > /tmp/2412
RUN useradd -m u2413 && \
    echo 2413 > /tmp/2413
RUN useradd -m u2414 && \
    echo 2414 > /tmp/2414
RUN useradd -m u2415 && \
    echo 2415 > /tmp/2415
RUN useradd -m u2416 && \
    echo 2416 > /tmp/2416
RUN useradd -m u2417 && \
    echo 2417 > /tmp/2417
RUN useradd -m u2418 && \
    echo 2418 > /tmp/2418
RUN useradd -m u2419 && \
    echo 2419 > /tmp/2419
RUN useradd -m u2420 && \
    echo 2420 > /tmp/2420
RUN useradd -m u2421 && \
    echo 2421 > /tmp/2421
RUN useradd -m u2422 && \
    echo 2422 > /tmp/2422
RUN useradd -m u2423 && \
    echo 2423 > /tmp/2423
RUN useradd -m u2424 && \
    echo 2424 > /tmp/2424
RUN useradd -m u2425 && \
    echo 2425 > /tmp/2425
RUN useradd -m u2426 && \
    echo 2426 > /tmp/2426
RUN useradd -m u2427 && \
    echo 2427 > /tmp/2427
RUN useradd -m u2428 && \
    echo 2428 > /tmp/2428
RUN useradd -m u2429 && \
    echo 2429 > /tmp/2429
RUN useradd -m u2430 && \
    echo 2430 > /tmp/2430
RUN useradd -m u2431 && \
    echo 2431 > /tmp/2431
RUN useradd -m u2432 && \
    echo 2432 > /tmp/2432
RUN useradd -m u2433 && \
    echo 2433 > /tmp/2433
RUN useradd -m u2434 && \
    echo 2434 > /tmp/2434
RUN useradd -m u2435 && \
    echo 2435 > /tmp/2435
RUN useradd -m u2436 && \
    echo 2436 > /tmp/2436
RUN useradd -m u2437 && \
    echo 2437 > /tmp/2437
RUN useradd -m u2438 && \
    echo 2438 > /tmp/2438
RUN useradd -m u2439 && \
    echo 2439 > /tmp/2439
RUN useradd -m u2440 && \
    echo 2440 > /tmp/2440
RUN useradd -m u2441 && \
    echo 2441 > /tmp/2441
RUN useradd -m u2442 && \
    echo 2442 > /tmp/2442
RUN useradd -m u2443 && \
    echo 2443 > /tmp/2443
RUN useradd -m u2444 && \
    echo 2444 > /tmp/2444
RUN useradd -m u2445 && \
    echo 2445 > /tmp/2445
RUN useradd -m u2446 && \
    echo 2446 > /tmp/2446
RUN useradd -m u2447 && \
    echo 2447 > /tmp/2447
RUN useradd -m u2448 && \
    echo 2448 > /tmp/2448
RUN useradd -m u2449 && \
    echo 2449 > /tmp/2449
RUN useradd -m u2450 && \
    echo 2450 > /tmp/2450
RUN useradd -m u2451 && \
    echo 2451 > /tmp/2451
RUN useradd -m u2452 && \
    echo 2452 > /tmp/2452
RUN useradd -m u2453 && \
    echo 2453 > /tmp/2453
RUN useradd -m u2454 && \
    echo 2454 > /tmp/2454
RUN useradd -m u2455 && \
    echo 2455 > /tmp/2455
RUN useradd -m u2456 && \
    echo 2456 > /tmp/2456
RUN useradd -m u2457 && \
    echo 2457 > /tmp/2457
RUN useradd -m u2458 && \
    echo 2458 > /tmp/2458
RUN useradd -m u2459 && \
    echo 2459 > /tmp/2459
RUN useradd -m u2460 && \
    echo 2460 > /tmp/2460
RUN useradd -m u2461 && \
    echo 2461 > /tmp/2461
RUN useradd -m u2462 && \
    echo 2462 > /tmp/2462
RUN useradd -m u2463 && \
    echo 2463 > /tmp/2463
RUN useradd -m u2464 && \
    echo 2464 > /tmp/2464
RUN useradd -m u2465 && \
    echo 2465 > /tmp/2465
RUN useradd -m u2466 && \
    echo 2466 > /tmp/2466
RUN useradd -m u2467 && \
    echo 2467 > /tmp/2467
RUN useradd -m u2468 && \
    echo 2468 > /tmp/2468
RUN useradd -m u2469 && \
    echo 2469 > /tmp/2469
RUN useradd -m u2470 && \
    echo 2470 > /tmp/2470
RUN useradd -m u2471 && \
    echo 2471 > /tmp/2471
RUN useradd -m u2472 && \
    echo 2472 > /tmp/2472
RUN useradd -m u2473 && \
    echo 2473 > /tmp/2473
RUN useradd -m u2474 && \
    echo 2474 > /tmp/2474
RUN useradd -m u2475 && \
    echo 2475 > /tmp/2475
RUN useradd -m u2476 && \
    echo 2476 > /tmp/2476
RUN useradd -m u2477 && \
    echo 2477 > /tmp/2477
RUN useradd -m u2478 && \
    echo 2478 > /tmp/2478
RUN useradd -m u2479 && \
    echo 2479 > /tmp/2479
RUN useradd -m u2480 && \
    echo 2480 > /tmp/2480
RUN useradd -m u2481 && \
    echo 2481 > /tmp/2481
RUN useradd -m u2482 && \
    echo 2482 > /tmp/2482
RUN useradd -m u2483 && \
    echo 2483 > /tmp/2483
RUN useradd -m u2484 && \
    echo 2484 > /tmp/2484
RUN useradd -m u2485 && \
    echo 2485 > /tmp/2485
RUN useradd -m u2486 && \
    echo 2486 > /tmp/2486
RUN useradd -m u2487 && \
    echo 2487 > /tmp/2487
RUN useradd -m u2488 && \
    echo 2488 > /tmp/2488
RUN useradd -m u2489 && \
    echo 2489 > /tmp/2489
RUN useradd -m u2490 && \
    echo 2490 > /tmp/2490
RUN useradd -m u2491 && \
    echo 2491 > /tmp/2491
RUN useradd -m u2492 && \
    echo 2492 > /tmp/2492
RUN useradd -m u2493 && \
    echo 2493 > /tmp/2493
RUN useradd -m u2494 && \
    echo 2494 > /tmp/2494
RUN useradd -m u2495 && \
    echo 2495 > /tmp/2495
RUN useradd -m u2496 && \
    echo 2496 > /tmp/2496
RUN useradd -m u2497 && \
    echo 2497 > /tmp/2497
RUN useradd -m u2498 && \
    echo 2498 > /tmp/2498
RUN useradd -m u2499 && \
    echo 2499 > /tmp/2499
