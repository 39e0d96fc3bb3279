/// Verner's "most efficient" 7(6) pair (RKV76.IIa): 10 stages, order 7 propagated with an
/// order-6 embedded estimate, and a continuous extension of order 7 that costs 6 extra
/// evaluations, made only in steps where dense output is asked for ("lazy").
///
/// Coefficients: J. H. Verner, "Numerically optimal Runge–Kutta pairs with interpolants",
/// *Numer. Algorithms* 53 (2010) 383–396, and the coefficient file RKV76.IIa published with it
/// (people.math.sfu.ca/~jverner, whose use asks for this acknowledgement), as tabulated to 40
/// digits in SciML's OrdinaryDiffEq.jl (`Vern7Tableau`); the tests check every order condition
/// up to order 7 on these numbers.
///
/// ```
/// y(t₀ + θh) = y₀ + h Σ_k b_k(θ) k_k,   k ∈ {1, 4…9, 11…16},   b_k(θ) = Σ_{p=1…7} r_{k,p} θ^p
/// ```
///
/// with `k₁₁ = f(t₀ + h, y₁)`. Accuracy: global error `O(h⁷)`; the interpolant matches the
/// step's end points exactly and satisfies every order condition up to 6 (and most of order 7;
/// 12 of the 48 trees of order 7 have defects below 3e-7), so between steps its error is of the
/// order of the step's own error.
public enum Verner76: ExplicitRungeKuttaScheme {
    public static let name = "vern7"
    public static let order = 7
    public static let errorEstimatorOrder = 6
    /// k₁…k₁₀, then k₁₁ (copied from the end derivative) and k₁₂…k₁₆ for dense output.
    public static let stepStageCount = 10
    public static let stageBufferCount = 16
    public static let denseBufferCount = 0
    public static let lastStageIsEndDerivative: Int? = nil

    @usableFromInline static let c2 = 0.005
    @usableFromInline static let c3 = 0.1088888888888888888888888888888888888889
    @usableFromInline static let c4 = 0.1633333333333333333333333333333333333333
    @usableFromInline static let c5 = 0.4555
    @usableFromInline static let c6 = 0.6095094489978381317087004421486024949638
    @usableFromInline static let c7 = 0.884
    @usableFromInline static let c8 = 0.925
    @usableFromInline static let a21 = 0.005
    @usableFromInline static let a31 = -1.076790123456790123456790123456790123457
    @usableFromInline static let a32 = 1.185679012345679012345679012345679012346
    @usableFromInline static let a41 = 0.04083333333333333333333333333333333333333
    @usableFromInline static let a43 = 0.1225
    @usableFromInline static let a51 = 0.6389139236255726780508121615993336109954
    @usableFromInline static let a53 = -2.455672638223656809662640566430653894211
    @usableFromInline static let a54 = 2.272258714598084131611828404831320283215
    @usableFromInline static let a61 = -2.661577375018757131119259297861818119279
    @usableFromInline static let a63 = 10.80451388645613769565396655365532838482
    @usableFromInline static let a64 = -8.353914657396199411968048547819291691541
    @usableFromInline static let a65 = 0.8204875949566569791420417341743839209619
    @usableFromInline static let a71 = 6.067741434696770992718360183877276714679
    @usableFromInline static let a73 = -24.71127363591108579734203485290746001803
    @usableFromInline static let a74 = 20.42751793078889394045773111748346612697
    @usableFromInline static let a75 = -1.906157978816647150624096784352757010879
    @usableFromInline static let a76 = 1.006172249242068014790040335899474187268
    @usableFromInline static let a81 = 12.05467007625320299509109452892778311648
    @usableFromInline static let a83 = -49.75478495046898932807257615331444758322
    @usableFromInline static let a84 = 41.14288863860467663259698416710157354209
    @usableFromInline static let a85 = -4.461760149974004185641911603484815375051
    @usableFromInline static let a86 = 2.042334822239174959821717077708608543738
    @usableFromInline static let a87 = -0.09834843665406107379530801693870224403537
    @usableFromInline static let a91 = 10.13814652288180787641845141981689030769
    @usableFromInline static let a93 = -42.64113603171750214622846006736635730625
    @usableFromInline static let a94 = 35.76384003992257007135021178023160054034
    @usableFromInline static let a95 = -4.34802284039290765334037029690824594371
    @usableFromInline static let a96 = 2.009862268377035895441943593011827554771
    @usableFromInline static let a97 = 0.348749046033827240595382285305314587914
    @usableFromInline static let a98 = -0.2714390051048312842371587140910297407572
    @usableFromInline static let a10_1 = -45.03007203429867712435322405073769635151
    @usableFromInline static let a10_3 = 187.3272437654588840752418206154201997384
    @usableFromInline static let a10_4 = -154.0288236935018690596728621034510402582
    @usableFromInline static let a10_5 = 18.56465306347536233859492332958439136765
    @usableFromInline static let a10_6 = -7.141809679295078854925420496823551192821
    @usableFromInline static let a10_7 = 1.308808578161378625114762706007696696508
    @usableFromInline static let b1 = 0.04715561848627222170431765108838175679569
    @usableFromInline static let b4 = 0.2575056429843415189596436101037687580986
    @usableFromInline static let b5 = 0.2621665397741262047713863095764527711129
    @usableFromInline static let b6 = 0.1521609265673855740323133199165117535523
    @usableFromInline static let b7 = 0.4939969170032484246907175893227876844296
    @usableFromInline static let b8 = -0.2943031171403250441557244744092703429139
    @usableFromInline static let b9 = 0.08131747232495109999734599440136761892478
    @usableFromInline static let btilde1 = 0.002547011879931045416999475113589778981374
    @usableFromInline static let btilde4 = -0.009658394872795749091266615990615031875201
    @usableFromInline static let btilde5 = 0.04206470975639690277341473191137746148059
    @usableFromInline static let btilde6 = -0.0666822437469301090659987634347776289055
    @usableFromInline static let btilde7 = 0.2650097464621281363529002003464324478934
    @usableFromInline static let btilde8 = -0.2943031171403250441557244744092703429139
    @usableFromInline static let btilde9 = 0.08131747232495109999734599440136761892478
    @usableFromInline static let btilde10 = -0.02029518466335628222767054793810430358554
    // Extra stages of the continuous extension (k₁₁ = f(t + h, y₁) is the end derivative).
    @usableFromInline static let c12 = 0.29
    @usableFromInline static let a12_1 = 0.05232227691599689815470932256735029887614
    @usableFromInline static let a12_4 = 0.2249586182670571550244187743667190903405
    @usableFromInline static let a12_5 = 0.01744370924877637539031751304611402542578
    @usableFromInline static let a12_6 = -0.007669379876829393188009028209348812321417
    @usableFromInline static let a12_7 = 0.03435896044073284645684381456417912794447
    @usableFromInline static let a12_8 = -0.04102097230093949839125144540100346681769
    @usableFromInline static let a12_9 = 0.02565113300520561655297104906598973655221
    @usableFromInline static let a12_11 = -0.0160443457
    @usableFromInline static let c13 = 0.125
    @usableFromInline static let a13_1 = 0.05305334125785908638834747243817578898946
    @usableFromInline static let a13_4 = 0.1219530101140188607092225622195251463666
    @usableFromInline static let a13_5 = 0.01774684073760249704011573985936092552347
    @usableFromInline static let a13_6 = -0.0005928372667681494328907467430302313286925
    @usableFromInline static let a13_7 = 0.008381833970853750873624781948796072714855
    @usableFromInline static let a13_8 = -0.01293369259698611956700998079778496462996
    @usableFromInline static let a13_9 = 0.009412056815253860804791356641605087829772
    @usableFromInline static let a13_11 = -0.005353253107275676032399320754008272222345
    @usableFromInline static let a13_12 = -0.06666729992455811078380186481263955324311
    @usableFromInline static let c14 = 0.25
    @usableFromInline static let a14_1 = 0.03887903257436303686399931060834951327899
    @usableFromInline static let a14_4 = -0.002440320330830131517910045090190069290791
    @usableFromInline static let a14_5 = -0.001392891721467262281273220992320214734208
    @usableFromInline static let a14_6 = -0.0004744629155868013465038358934145339168472
    @usableFromInline static let a14_7 = 0.0003920793241315951369383517310870803393356
    @usableFromInline static let a14_8 = -0.0004055473328512800136385880031750264996936
    @usableFromInline static let a14_9 = 0.0001989709314771672628794304728258886009267
    @usableFromInline static let a14_11 = -0.0001027819879317916884712606136811051029682
    @usableFromInline static let a14_12 = 0.03385661513870266715302548402957613704604
    @usableFromInline static let a14_13 = 0.1814893063199928004309543737509423302792
    @usableFromInline static let c15 = 0.53
    @usableFromInline static let a15_1 = 0.05723681204690012909606837582140921695189
    @usableFromInline static let a15_4 = 0.2226594806676118099285816235023183680020
    @usableFromInline static let a15_5 = 0.1234486420018689904911221497830317287757
    @usableFromInline static let a15_6 = 0.04006332526666490875113688731927762275433
    @usableFromInline static let a15_7 = -0.05269894848581452066926326838943832327366
    @usableFromInline static let a15_8 = 0.04765971214244522856887315416093212596338
    @usableFromInline static let a15_9 = -0.02138895885042213036387863538386958914368
    @usableFromInline static let a15_11 = 0.01519389106403640165459624646184297766866
    @usableFromInline static let a15_12 = 0.1206054671628965554251364472502413614358
    @usableFromInline static let a15_13 = -0.02277942301618737288237298052574548913451
    @usableFromInline static let c16 = 0.79
    @usableFromInline static let a16_1 = 0.05137203880275681426595607279552927584506
    @usableFromInline static let a16_4 = 0.5414214473439405582401399378307410450482
    @usableFromInline static let a16_5 = 0.3503998066921840081154745647747846804810
    @usableFromInline static let a16_6 = 0.1419311226969218216861835872156617148040
    @usableFromInline static let a16_7 = 0.1052737747842942254816302629823570359198
    @usableFromInline static let a16_8 = -0.03108184780587401700842726199589213259835
    @usableFromInline static let a16_9 = -0.007401883149519145061791854716430279714483
    @usableFromInline static let a16_11 = -0.006377932504865363437569726480040013149706
    @usableFromInline static let a16_12 = -0.1732549590836186403386348310205265959935
    @usableFromInline static let a16_13 = -0.1822815677762202619429607513861847306420
    // Interpolation polynomials b_k(θ) = Σ_p r_k_p θ^p.
    @usableFromInline static let r1_2 = -8.413387198332767469319987751201351965810
    @usableFromInline static let r1_3 = 33.67550888449089654479469983556967202215
    @usableFromInline static let r1_4 = -70.80159089484886164618905961010838757357
    @usableFromInline static let r1_5 = 80.64695108301297872968868805293298389704
    @usableFromInline static let r1_6 = -47.19413969837521580145883430419406103536
    @usableFromInline static let r1_7 = 11.13381344253924186418881142808952641234
    @usableFromInline static let r4_2 = 8.754921980674397160629587282876763437696
    @usableFromInline static let r4_3 = -88.45968286997709426134300934922618655402
    @usableFromInline static let r4_4 = 346.9017638429916309499891288356321692825
    @usableFromInline static let r4_5 = -629.2580030059837046812187141184986252218
    @usableFromInline static let r4_6 = 529.6773755604192983874116479833480529304
    @usableFromInline static let r4_7 = -167.3588698651401860365089970240284051167
    @usableFromInline static let r5_2 = 8.913387586637921662996190126913331844214
    @usableFromInline static let r5_3 = -90.06081846893217794712014609702916991513
    @usableFromInline static let r5_4 = 353.1807459217057824951538014683541349020
    @usableFromInline static let r5_5 = -640.6476819744374433668701027882567716886
    @usableFromInline static let r5_6 = 539.2646279047155261551781390920363285084
    @usableFromInline static let r5_7 = -170.3880944299154827945664954924414008798
    @usableFromInline static let r6_2 = 5.173312029847800338889849068990984974299
    @usableFromInline static let r6_3 = -52.27111590005538823385270070373176751689
    @usableFromInline static let r6_4 = 204.9853867374073094711024260808085419491
    @usableFromInline static let r6_5 = -371.8306118563602890875634623992262437796
    @usableFromInline static let r6_6 = 312.9880934374529000210073972654145891826
    @usableFromInline static let r6_7 = -98.89290352172494693555119599233959305606
    @usableFromInline static let r7_2 = 16.79537744079695986364946329034055578253
    @usableFromInline static let r7_3 = -169.7004000005972744435739149730966805754
    @usableFromInline static let r7_4 = 665.4937727009246303131700313781960584913
    @usableFromInline static let r7_5 = -1207.163889233600728395392916633015853882
    @usableFromInline static let r7_6 = 1016.129151581854603280159105697386989470
    @usableFromInline static let r7_7 = -321.0600155723749421933210511704882816019
    @usableFromInline static let r8_2 = -10.00599753609866476866352971232058330270
    @usableFromInline static let r8_3 = 101.1005433052275068199636113246449312792
    @usableFromInline static let r8_4 = -396.4739151237843754958939772727577263768
    @usableFromInline static let r8_5 = 719.1787707014182914108130834128646525498
    @usableFromInline static let r8_6 = -605.3681033918824350795711030652978269725
    @usableFromInline static let r8_7 = 191.2743989279793520691961908384572824802
    @usableFromInline static let r9_2 = 2.764708833638599139713222853969606774131
    @usableFromInline static let r9_3 = -27.93460263739046178114640484830267988046
    @usableFromInline static let r9_4 = 109.5477918613789217803046856340175757800
    @usableFromInline static let r9_5 = -198.7128113064482116421691972646370773711
    @usableFromInline static let r9_6 = 167.2663357164031670694252647113936863857
    @usableFromInline static let r9_7 = -52.85010499525706346613022509203974406942
    @usableFromInline static let r11_2 = -2.169632028016350481156919876642428429100
    @usableFromInline static let r11_3 = 22.01669603756987625585768587320929912766
    @usableFromInline static let r11_4 = -86.90152427798948350846176288615482496306
    @usableFromInline static let r11_5 = 159.2238897386147443720253338471077193471
    @usableFromInline static let r11_6 = -135.9618306534587908363115231453760181702
    @usableFromInline static let r11_7 = 43.79240118328000419804718618785625308759
    @usableFromInline static let r12_2 = -4.890070188793803933769786966428026149549
    @usableFromInline static let r12_3 = 22.75407737425176120799532459991506803585
    @usableFromInline static let r12_4 = -30.78034218537730965082079824005797506535
    @usableFromInline static let r12_5 = -2.797194317207249021142015125037024035537
    @usableFromInline static let r12_6 = 31.36945663750840183161406140272783187147
    @usableFromInline static let r12_7 = -15.65592732038180043387678567111987465689
    @usableFromInline static let r13_2 = 10.86217092955196715517224349929627754387
    @usableFromInline static let r13_3 = -50.54297141782710697188187875653305700081
    @usableFromInline static let r13_4 = 68.37148040407511827604242008548181691494
    @usableFromInline static let r13_5 = 6.213326521632409162585500428935637861213
    @usableFromInline static let r13_6 = -69.68006323194158104163196358466588618336
    @usableFromInline static let r13_7 = 34.77605679450919341971367832748521086414
    @usableFromInline static let r14_2 = -11.37286691922922915922346687401389055763
    @usableFromInline static let r14_3 = 130.7905807824671644130452602841032046030
    @usableFromInline static let r14_4 = -488.6511367778560207543260583489312609826
    @usableFromInline static let r14_5 = 832.2148793276440873476229585070779183432
    @usableFromInline static let r14_6 = -664.7743368554426242883314487337054193624
    @usableFromInline static let r14_7 = 201.7928804424166224412127551654694479565
    @usableFromInline static let r15_2 = -5.919778732715006698693070786679427540601
    @usableFromInline static let r15_3 = 63.27679965889218829298274978013773800731
    @usableFromInline static let r15_4 = -265.4326820887379575820873554556433306580
    @usableFromInline static let r15_5 = 520.1009254140610824835871087519714692468
    @usableFromInline static let r15_6 = -467.4121095339020118993777963241667608460
    @usableFromInline static let r15_7 = 155.3868452824017054035883640343803117904
    @usableFromInline static let r16_2 = -10.49214619796182281022379415510181241136
    @usableFromInline static let r16_3 = 105.3553852518801101042787230303396283676
    @usableFromInline static let r16_4 = -409.4397501198893846479834816688367917005
    @usableFromInline static let r16_5 = 732.8314489076540326880337353277812147333
    @usableFromInline static let r16_6 = -606.3044574733512377981129469949015057785
    @usableFromInline static let r16_7 = 188.0495196316683024640077644607192667895

    /// The `(c, A, b, b − b̂)` tableau of the 10 main stages, for tests of the order conditions.
    public static var tableau: ButcherTableau {
        ButcherTableau(
            c: [0, c2, c3, c4, c5, c6, c7, c8, 1, 1],
            a: [[], [a21], [a31, a32], [a41, 0, a43], [a51, 0, a53, a54], [a61, 0, a63, a64, a65],
                [a71, 0, a73, a74, a75, a76], [a81, 0, a83, a84, a85, a86, a87],
                [a91, 0, a93, a94, a95, a96, a97, a98], [a10_1, 0, a10_3, a10_4, a10_5, a10_6, a10_7, 0, 0]],
            b: [b1, 0, 0, b4, b5, b6, b7, b8, b9, 0],
            errorWeights: [btilde1, 0, 0, btilde4, btilde5, btilde6, btilde7, btilde8, btilde9, btilde10])
    }

    /// The weights `b_k(θ)` of the continuous extension for stages 1, 4…9, 11…16, in that order.
    public static func interpolationWeights(theta: Double) -> [Double] {
        let t2 = theta * theta
        func poly(_ r2: Double, _ r3: Double, _ r4: Double, _ r5: Double, _ r6: Double, _ r7: Double) -> Double {
            t2 * (r2 + theta * (r3 + theta * (r4 + theta * (r5 + theta * (r6 + theta * r7)))))
        }
        return [
            theta + poly(r1_2, r1_3, r1_4, r1_5, r1_6, r1_7),
            poly(r4_2, r4_3, r4_4, r4_5, r4_6, r4_7), poly(r5_2, r5_3, r5_4, r5_5, r5_6, r5_7),
            poly(r6_2, r6_3, r6_4, r6_5, r6_6, r6_7), poly(r7_2, r7_3, r7_4, r7_5, r7_6, r7_7),
            poly(r8_2, r8_3, r8_4, r8_5, r8_6, r8_7), poly(r9_2, r9_3, r9_4, r9_5, r9_6, r9_7),
            poly(r11_2, r11_3, r11_4, r11_5, r11_6, r11_7), poly(r12_2, r12_3, r12_4, r12_5, r12_6, r12_7),
            poly(r13_2, r13_3, r13_4, r13_5, r13_6, r13_7), poly(r14_2, r14_3, r14_4, r14_5, r14_6, r14_7),
            poly(r15_2, r15_3, r15_4, r15_5, r15_6, r15_7), poly(r16_2, r16_3, r16_4, r16_5, r16_6, r16_7),
        ]
    }

    /// The stage rows of the continuous extension, `(c_i, [(j, a_ij)])` for `i = 12…16`
    /// (1-based stage numbers), for tests of the row-sum conditions.
    public static var extraStageRows: [(c: Double, entries: [(Int, Double)])] {
        [
            (c12, [(1, a12_1), (4, a12_4), (5, a12_5), (6, a12_6), (7, a12_7), (8, a12_8), (9, a12_9), (11, a12_11)]),
            (c13, [(1, a13_1), (4, a13_4), (5, a13_5), (6, a13_6), (7, a13_7), (8, a13_8), (9, a13_9), (11, a13_11), (12, a13_12)]),
            (c14, [(1, a14_1), (4, a14_4), (5, a14_5), (6, a14_6), (7, a14_7), (8, a14_8), (9, a14_9), (11, a14_11), (12, a14_12), (13, a14_13)]),
            (c15, [(1, a15_1), (4, a15_4), (5, a15_5), (6, a15_6), (7, a15_7), (8, a15_8), (9, a15_9), (11, a15_11), (12, a15_12), (13, a15_13)]),
            (c16, [(1, a16_1), (4, a16_4), (5, a16_5), (6, a16_6), (7, a16_7), (8, a16_8), (9, a16_9), (11, a16_11), (12, a16_12), (13, a16_13)]),
        ]
    }

    @inlinable
    public static func step<P: ODEProblem>(
        _ problem: P, t: Double, h: Double, n: Int,
        y: UnsafeMutablePointer<Double>, stages: UnsafeMutablePointer<Double>,
        yNew: UnsafeMutablePointer<Double>, errorEstimate: UnsafeMutablePointer<Double>,
        scratch: UnsafeMutablePointer<Double>
    ) -> Int {
        let k1 = stages, k2 = stages + n, k3 = stages + 2 * n, k4 = stages + 3 * n, k5 = stages + 4 * n
        let k6 = stages + 5 * n, k7 = stages + 6 * n, k8 = stages + 7 * n, k9 = stages + 8 * n, k10 = stages + 9 * n
        for i in 0..<n { scratch[i] = y[i] + h * (a21 * k1[i]) }
        evaluate(problem, t + c2 * h, scratch, n, into: k2)
        for i in 0..<n { scratch[i] = y[i] + h * (a31 * k1[i] + a32 * k2[i]) }
        evaluate(problem, t + c3 * h, scratch, n, into: k3)
        for i in 0..<n { scratch[i] = y[i] + h * (a41 * k1[i] + a43 * k3[i]) }
        evaluate(problem, t + c4 * h, scratch, n, into: k4)
        for i in 0..<n { scratch[i] = y[i] + h * (a51 * k1[i] + a53 * k3[i] + a54 * k4[i]) }
        evaluate(problem, t + c5 * h, scratch, n, into: k5)
        for i in 0..<n { scratch[i] = y[i] + h * (a61 * k1[i] + a63 * k3[i] + a64 * k4[i] + a65 * k5[i]) }
        evaluate(problem, t + c6 * h, scratch, n, into: k6)
        for i in 0..<n {
            scratch[i] = y[i] + h * (a71 * k1[i] + a73 * k3[i] + a74 * k4[i] + a75 * k5[i] + a76 * k6[i])
        }
        evaluate(problem, t + c7 * h, scratch, n, into: k7)
        for i in 0..<n {
            scratch[i] = y[i] + h * (a81 * k1[i] + a83 * k3[i] + a84 * k4[i] + a85 * k5[i] + a86 * k6[i] + a87 * k7[i])
        }
        evaluate(problem, t + c8 * h, scratch, n, into: k8)
        for i in 0..<n {
            let sum = a91 * k1[i] + a93 * k3[i] + a94 * k4[i] + a95 * k5[i] + a96 * k6[i] + a97 * k7[i] + a98 * k8[i]
            scratch[i] = y[i] + h * sum
        }
        evaluate(problem, t + h, scratch, n, into: k9)
        for i in 0..<n {
            let sum = a10_1 * k1[i] + a10_3 * k3[i] + a10_4 * k4[i] + a10_5 * k5[i] + a10_6 * k6[i] + a10_7 * k7[i]
            scratch[i] = y[i] + h * sum
        }
        evaluate(problem, t + h, scratch, n, into: k10)
        for i in 0..<n {
            let sum = b1 * k1[i] + b4 * k4[i] + b5 * k5[i] + b6 * k6[i] + b7 * k7[i] + b8 * k8[i] + b9 * k9[i]
            yNew[i] = y[i] + h * sum
            let difference = btilde1 * k1[i] + btilde4 * k4[i] + btilde5 * k5[i] + btilde6 * k6[i]
                + btilde7 * k7[i] + btilde8 * k8[i] + btilde9 * k9[i] + btilde10 * k10[i]
            errorEstimate[i] = h * difference
        }
        return 9
    }

    @inlinable
    public static func prepareDenseOutput<P: ODEProblem>(
        _ problem: P, t: Double, h: Double, n: Int,
        y0: UnsafeMutablePointer<Double>, y1: UnsafeMutablePointer<Double>,
        stages: UnsafeMutablePointer<Double>, endDerivative: UnsafeMutablePointer<Double>,
        dense: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>
    ) -> Int {
        let k1 = stages, k4 = stages + 3 * n, k5 = stages + 4 * n, k6 = stages + 5 * n
        let k7 = stages + 6 * n, k8 = stages + 7 * n, k9 = stages + 8 * n
        let k11 = stages + 10 * n, k12 = stages + 11 * n, k13 = stages + 12 * n
        let k14 = stages + 13 * n, k15 = stages + 14 * n, k16 = stages + 15 * n
        k11.update(from: endDerivative, count: n)
        for i in 0..<n {
            let sum = a12_1 * k1[i] + a12_4 * k4[i] + a12_5 * k5[i] + a12_6 * k6[i] + a12_7 * k7[i]
                + a12_8 * k8[i] + a12_9 * k9[i] + a12_11 * k11[i]
            scratch[i] = y0[i] + h * sum
        }
        evaluate(problem, t + c12 * h, scratch, n, into: k12)
        for i in 0..<n {
            let sum = a13_1 * k1[i] + a13_4 * k4[i] + a13_5 * k5[i] + a13_6 * k6[i] + a13_7 * k7[i]
                + a13_8 * k8[i] + a13_9 * k9[i] + a13_11 * k11[i] + a13_12 * k12[i]
            scratch[i] = y0[i] + h * sum
        }
        evaluate(problem, t + c13 * h, scratch, n, into: k13)
        for i in 0..<n {
            let sum = a14_1 * k1[i] + a14_4 * k4[i] + a14_5 * k5[i] + a14_6 * k6[i] + a14_7 * k7[i]
                + a14_8 * k8[i] + a14_9 * k9[i] + a14_11 * k11[i] + a14_12 * k12[i] + a14_13 * k13[i]
            scratch[i] = y0[i] + h * sum
        }
        evaluate(problem, t + c14 * h, scratch, n, into: k14)
        for i in 0..<n {
            let sum = a15_1 * k1[i] + a15_4 * k4[i] + a15_5 * k5[i] + a15_6 * k6[i] + a15_7 * k7[i]
                + a15_8 * k8[i] + a15_9 * k9[i] + a15_11 * k11[i] + a15_12 * k12[i] + a15_13 * k13[i]
            scratch[i] = y0[i] + h * sum
        }
        evaluate(problem, t + c15 * h, scratch, n, into: k15)
        for i in 0..<n {
            let sum = a16_1 * k1[i] + a16_4 * k4[i] + a16_5 * k5[i] + a16_6 * k6[i] + a16_7 * k7[i]
                + a16_8 * k8[i] + a16_9 * k9[i] + a16_11 * k11[i] + a16_12 * k12[i] + a16_13 * k13[i]
            scratch[i] = y0[i] + h * sum
        }
        evaluate(problem, t + c16 * h, scratch, n, into: k16)
        return 5
    }

    @inlinable
    public static func interpolate(
        theta: Double, h: Double, n: Int,
        y0: UnsafeMutablePointer<Double>, stages: UnsafeMutablePointer<Double>,
        dense: UnsafeMutablePointer<Double>, output: UnsafeMutablePointer<Double>
    ) {
        let t2 = theta * theta
        @inline(__always) func poly(_ r2: Double, _ r3: Double, _ r4: Double, _ r5: Double, _ r6: Double, _ r7: Double) -> Double {
            h * t2 * (r2 + theta * (r3 + theta * (r4 + theta * (r5 + theta * (r6 + theta * r7)))))
        }
        let w1 = h * theta + poly(r1_2, r1_3, r1_4, r1_5, r1_6, r1_7)
        let w4 = poly(r4_2, r4_3, r4_4, r4_5, r4_6, r4_7), w5 = poly(r5_2, r5_3, r5_4, r5_5, r5_6, r5_7)
        let w6 = poly(r6_2, r6_3, r6_4, r6_5, r6_6, r6_7), w7 = poly(r7_2, r7_3, r7_4, r7_5, r7_6, r7_7)
        let w8 = poly(r8_2, r8_3, r8_4, r8_5, r8_6, r8_7), w9 = poly(r9_2, r9_3, r9_4, r9_5, r9_6, r9_7)
        let w11 = poly(r11_2, r11_3, r11_4, r11_5, r11_6, r11_7), w12 = poly(r12_2, r12_3, r12_4, r12_5, r12_6, r12_7)
        let w13 = poly(r13_2, r13_3, r13_4, r13_5, r13_6, r13_7), w14 = poly(r14_2, r14_3, r14_4, r14_5, r14_6, r14_7)
        let w15 = poly(r15_2, r15_3, r15_4, r15_5, r15_6, r15_7), w16 = poly(r16_2, r16_3, r16_4, r16_5, r16_6, r16_7)
        let k1 = stages, k4 = stages + 3 * n, k5 = stages + 4 * n, k6 = stages + 5 * n
        let k7 = stages + 6 * n, k8 = stages + 7 * n, k9 = stages + 8 * n
        let k11 = stages + 10 * n, k12 = stages + 11 * n, k13 = stages + 12 * n
        let k14 = stages + 13 * n, k15 = stages + 14 * n, k16 = stages + 15 * n
        for i in 0..<n {
            let main = w1 * k1[i] + w4 * k4[i] + w5 * k5[i] + w6 * k6[i] + w7 * k7[i] + w8 * k8[i] + w9 * k9[i]
            let extra = w11 * k11[i] + w12 * k12[i] + w13 * k13[i] + w14 * k14[i] + w15 * k15[i] + w16 * k16[i]
            output[i] = y0[i] + (main + extra)
        }
    }
}
